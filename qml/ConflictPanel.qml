pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// Edits of the same comment that collided: both texts side by side and a merge area; a person
// decides, nothing is dropped.
Item {
    id: panel

    readonly property alias count: list.count

    ListView {
        id: list
        objectName: "conflictList"
        anchors.fill: parent
        anchors.margins: Theme.spacing / 2
        clip: true
        spacing: Theme.spacing
        model: App.conflicts
        ScrollBar.vertical: ScrollBar {}

        delegate: Pane {
            id: conflict
            required property string commentId
            required property string currentText
            required property string theirText
            required property string deviceName
            required property string detail
            required property bool deleted

            width: ListView.view.width
            padding: Theme.spacing
            Material.background: "#fff5f4"
            Material.elevation: 1

            ColumnLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                spacing: Theme.spacing / 2

                Label {
                    Layout.fillWidth: true
                    text: conflict.deleted ? qsTr("Một bản sửa của ý kiến đã bị xóa được giữ lại.")
                                           : qsTr("Hai người cùng sửa một ý kiến. Hãy hợp nhất rồi lưu.")
                    wrapMode: Text.Wrap
                    font.bold: true
                    color: Theme.bad
                }
                Label {
                    objectName: "conflictDetail"
                    Layout.fillWidth: true
                    visible: conflict.detail.length > 0
                    text: conflict.detail
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                }
                GridLayout {
                    Layout.fillWidth: true
                    columns: conflict.width < 560 ? 1 : 2
                    columnSpacing: Theme.spacing
                    rowSpacing: Theme.spacing / 2

                    ColumnLayout {
                        visible: !conflict.deleted
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.alignment: Qt.AlignTop
                        Label {
                            text: qsTr("Bản hiện tại")
                            font.bold: true
                        }
                        Label {
                            objectName: "currentText"
                            Layout.fillWidth: true
                            text: conflict.currentText
                            textFormat: Text.PlainText
                            wrapMode: Text.Wrap
                        }
                        Button {
                            text: qsTr("Dùng bản này")
                            flat: true
                            onClicked: merged.text = conflict.currentText
                        }
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        Layout.alignment: Qt.AlignTop
                        Label {
                            Layout.fillWidth: true
                            text: conflict.deviceName.length > 0 ? qsTr("Bản của %1").arg(conflict.deviceName)
                                                                 : qsTr("Bản kia")
                            textFormat: Text.PlainText
                            font.bold: true
                            elide: Text.ElideRight
                        }
                        Label {
                            objectName: "theirText"
                            Layout.fillWidth: true
                            text: conflict.theirText
                            textFormat: Text.PlainText
                            wrapMode: Text.Wrap
                        }
                        Button {
                            text: qsTr("Dùng bản này")
                            flat: true
                            onClicked: merged.text = conflict.theirText
                        }
                    }
                }
                Label {
                    text: qsTr("Bản hợp nhất")
                    font.bold: true
                }
                TextArea {
                    id: merged
                    objectName: "mergedText"
                    Layout.fillWidth: true
                    Layout.minimumHeight: 120
                    wrapMode: TextEdit.Wrap
                    textFormat: TextEdit.PlainText
                    text: conflict.deleted ? conflict.theirText : conflict.currentText + "\n" + conflict.theirText
                }
                Button {
                    objectName: "resolveButton"
                    Layout.alignment: Qt.AlignRight
                    Layout.minimumHeight: Theme.touch
                    text: qsTr("Lưu bản hợp nhất")
                    highlighted: true
                    enabled: merged.text.trim().length > 0
                    onClicked: App.resolveConflict(conflict.commentId, merged.text)
                }
            }
        }

        Label {
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.spacing
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            visible: list.count === 0
            text: qsTr("Không có xung đột chỉnh sửa.")
            color: Theme.muted
        }
    }
}
