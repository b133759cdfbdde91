pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// Near-duplicate comments found by the server (text folded for case and diacritics): a person
// reads them side by side and confirms each group with one button.
ListView {
    id: list

    objectName: "suggestionList"
    clip: true
    spacing: Theme.spacing / 2
    model: App.drafting.suggestions
    ScrollBar.vertical: ScrollBar {}

    Label {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.spacing
        visible: list.count === 0
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        color: Theme.muted
        text: qsTr("Không có gợi ý gộp nhóm. Máy chủ tìm các ý kiến trùng nội dung trong từng mục.")
    }

    delegate: Rectangle {
        id: suggestion
        required property int index
        required property string sectionLabel
        required property int memberCount
        required property var texts
        width: ListView.view.width
        implicitHeight: column.implicitHeight + 2 * Theme.spacing
        radius: Theme.radius
        color: Theme.paper
        border.color: Theme.line

        ColumnLayout {
            id: column
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: Theme.spacing
            spacing: Theme.spacing / 2
            RowLayout {
                Layout.fillWidth: true
                Label {
                    Layout.fillWidth: true
                    text: qsTr("%1 ý kiến giống nhau — %2").arg(suggestion.memberCount).arg(suggestion.sectionLabel)
                    font.bold: true
                    wrapMode: Text.Wrap
                }
                Button {
                    objectName: "confirmSuggestion_" + suggestion.index
                    Layout.minimumHeight: Theme.touch
                    text: qsTr("Gộp thành nhóm")
                    highlighted: true
                    onClicked: App.drafting.confirmSuggestion(suggestion.index)
                }
            }
            Repeater {
                model: suggestion.texts
                delegate: Label {
                    required property string modelData
                    Layout.fillWidth: true
                    text: "• " + modelData
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                }
            }
        }
    }
}
