pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// Large type for the hall's projector: the conference, who speaks and for how long, and the
// comments recorded so far grouped by draft section in draft order.
Rectangle {
    id: hall

    required property CurrentTurn turn
    signal closeRequested()

    color: Theme.paper

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: heading.implicitHeight + 2 * Theme.spacing
            color: Theme.primary

            RowLayout {
                id: heading
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                anchors.margins: Theme.spacing * 2
                spacing: Theme.spacing * 2

                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 4
                    Label {
                        Layout.fillWidth: true
                        text: App.conferenceTitle
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        color: "white"
                        font.pixelSize: Theme.hallFont
                        font.bold: true
                    }
                    Label {
                        objectName: "hallSpeaker"
                        Layout.fillWidth: true
                        text: hall.turn.active
                              ? (hall.turn.title.length > 0
                                 ? qsTr("Đồng chí %1 — %2").arg(hall.turn.fullName).arg(hall.turn.title)
                                 : qsTr("Đồng chí %1").arg(hall.turn.fullName))
                              : qsTr("Hội nghị thảo luận, góp ý dự thảo văn kiện")
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        color: "#ffe0b2"
                        font.pixelSize: Theme.hallFont - 4
                    }
                }
                Label {
                    visible: hall.turn.active
                    text: Theme.duration(hall.turn.seconds)
                    color: "white"
                    font.pixelSize: Theme.hallTitleFont + 10
                    font.bold: true
                }
                Button {
                    objectName: "closeHallButton"
                    Layout.minimumHeight: Theme.touch
                    text: qsTr("Thoát")
                    flat: true
                    Material.foreground: "white"
                    onClicked: hall.closeRequested()
                }
            }
        }

        ListView {
            id: list
            objectName: "hallCommentList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.spacing * 2
            clip: true
            spacing: Theme.spacing
            model: App.comments
            ScrollBar.vertical: ScrollBar {}

            section.property: "sectionLabel"
            section.criteria: ViewSection.FullString
            section.delegate: SectionHeader {
                fontSize: Theme.hallFont
            }

            delegate: ColumnLayout {
                id: entry
                required property string speakerName
                required property string kindLabel
                required property string text
                required property string proposedWording

                width: ListView.view.width
                spacing: 4
                Label {
                    Layout.fillWidth: true
                    text: qsTr("%1 · %2").arg(entry.speakerName).arg(entry.kindLabel)
                    textFormat: Text.PlainText
                    font.pixelSize: Theme.hallFont - 8
                    color: Theme.muted
                    wrapMode: Text.Wrap
                }
                Label {
                    Layout.fillWidth: true
                    text: entry.text
                    textFormat: Text.PlainText
                    font.pixelSize: Theme.hallFont
                    wrapMode: Text.Wrap
                    color: Theme.ink
                }
                Label {
                    Layout.fillWidth: true
                    visible: entry.proposedWording.length > 0
                    text: qsTr("Đề xuất: “%1”").arg(entry.proposedWording)
                    textFormat: Text.PlainText
                    font.pixelSize: Theme.hallFont - 4
                    font.italic: true
                    wrapMode: Text.Wrap
                    color: Theme.primary
                }
            }

            Label {
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("Chưa có ý kiến nào được ghi.")
                font.pixelSize: Theme.hallFont
                color: Theme.muted
            }
        }
    }
}
