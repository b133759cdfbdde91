pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// What secretaries are typing right now, as they type it.
ListView {
    id: drafts

    property int fontSize: Theme.fontSize

    objectName: "liveDraftsList"
    implicitHeight: Math.min(contentHeight, 260)
    clip: true
    spacing: 4
    model: App.liveDrafts
    ScrollBar.vertical: ScrollBar {}

    delegate: Rectangle {
        id: draft
        required property string speakerName
        required property string deviceName
        required property string text

        objectName: "liveDraft"
        width: ListView.view.width
        implicitHeight: draftColumn.implicitHeight + Theme.spacing
        radius: Theme.radius
        color: "#eef6ee"
        border.color: Theme.ok

        ColumnLayout {
            id: draftColumn
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            anchors.margins: Theme.spacing / 2
            spacing: 2
            Label {
                Layout.fillWidth: true
                text: qsTr("Đang ghi: %1 (%2)").arg(draft.speakerName).arg(draft.deviceName)
                textFormat: Text.PlainText
                font.pixelSize: Theme.smallFont
                color: Theme.ok
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                text: draft.text
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                font.pixelSize: drafts.fontSize
                font.italic: true
            }
        }
    }
}
