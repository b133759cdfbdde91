pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// The comments recorded so far, grouped by draft section; each can be loaded into the editor.
Item {
    id: history

    signal editRequested(string commentId, string participantId, string speakerName, string text,
                         var sections, string kind, string proposedWording,
                         string proposedLocation, bool written, int paragraph)
    readonly property alias count: list.count

    ListView {
        id: list
        objectName: "commentHistoryList"
        anchors.fill: parent
        anchors.margins: Theme.spacing / 2
        clip: true
        spacing: 6
        model: App.comments
        ScrollBar.vertical: ScrollBar {}

        section.property: "sectionLabel"
        section.criteria: ViewSection.FullString
        section.delegate: SectionHeader {}

        delegate: CommentCard {
            id: entry
            required property string commentId
            required property string participantId
            required property string kind
            required property var model

            width: ListView.view.width
            speakerName: model.speakerName
            speakerTitle: model.speakerTitle
            kindLabel: model.kindLabel
            sectionLabel: model.sectionLabel
            sections: model.sections
            paragraph: model.paragraph
            text: model.text
            proposedWording: model.proposedWording
            proposedLocation: model.proposedLocation
            written: model.written
            flagged: model.flagged
            pending: model.pending
            hasConflict: model.hasConflict

            Item {
                Layout.fillWidth: true
            }
            Button {
                objectName: "editCommentButton"
                Layout.minimumHeight: Theme.touch
                text: qsTr("Sửa")
                flat: true
                onClicked: history.editRequested(entry.commentId, entry.participantId,
                                                 entry.speakerName, entry.text, entry.sections,
                                                 entry.kind, entry.proposedWording,
                                                 entry.proposedLocation, entry.written,
                                                 entry.paragraph)
            }
        }

        Label {
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.spacing
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            visible: list.count === 0
            text: qsTr("Chưa có ý kiến nào được ghi.")
            color: Theme.muted
        }
    }
}
