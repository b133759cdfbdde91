import QtQuick
import QtQuick.Controls.Material

// The heading of a group of comments in a ListView sectioned by "sectionLabel".
Label {
    required property string section
    property int fontSize: Theme.fontSize

    width: ListView.view ? ListView.view.width : implicitWidth
    topPadding: Theme.spacing
    bottomPadding: 4
    text: section.length > 0 ? section : qsTr("Chưa gắn mục dự thảo")
    textFormat: Text.PlainText
    wrapMode: Text.Wrap
    font.bold: true
    font.pixelSize: fontSize
    color: Theme.primary
}
