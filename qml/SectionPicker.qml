pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import QtQuick.Templates as T
import GopY

// Tags a comment with one or more sections of the draft: the chosen codes as removable chips and
// a button opening the searchable outline (folding search in the OutlineModel).
Item {
    id: picker

    property var selected: []
    readonly property alias popupOpen: popup.opened

    // Opens the outline with the search field focused (Ctrl+T).
    function openPicker() {
        popup.open();
        search.forceActiveFocus();
    }

    // Adds `code` when absent, removes it when present.
    function toggle(code: string) {
        const at = selected.indexOf(code);
        const next = selected.slice();
        if (at >= 0)
            next.splice(at, 1);
        else
            next.push(code);
        selected = next;
    }

    implicitHeight: row.implicitHeight
    implicitWidth: row.implicitWidth

    RowLayout {
        id: row
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: Theme.spacing / 2

        Button {
            id: openButton
            objectName: "sectionPickerButton"
            Layout.minimumHeight: Theme.touch
            text: qsTr("Mục dự thảo…")
            onClicked: picker.openPicker()
        }
        Flow {
            Layout.fillWidth: true
            spacing: 6
            Label {
                visible: picker.selected.length === 0
                text: qsTr("chưa gắn mục")
                color: Theme.muted
                height: Theme.touch
                verticalAlignment: Text.AlignVCenter
            }
            Repeater {
                model: picker.selected
                delegate: Button {
                    id: chip
                    required property string modelData
                    text: qsTr("%1 ✕").arg(modelData)
                    flat: true
                    Material.background: Theme.selected
                    Material.foreground: Theme.primary
                    onClicked: picker.toggle(modelData)
                }
            }
        }
    }

    Popup {
        id: popup
        objectName: "sectionPopup"
        parent: T.Overlay.overlay
        x: Math.round((parent.width - width) / 2)
        y: Math.round((parent.height - height) / 4)
        width: Math.min(720, parent.width - 2 * Theme.spacing)
        height: Math.min(640, parent.height - 2 * Theme.spacing)
        modal: true
        focus: true
        padding: Theme.spacing

        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacing / 2

            Label {
                text: qsTr("Gắn mục của dự thảo (chọn được nhiều mục)")
                font.bold: true
            }
            TextField {
                id: search
                objectName: "sectionSearch"
                Layout.fillWidth: true
                placeholderText: qsTr("Tìm mục: số hiệu hoặc tên (không dấu cũng được)")
                onTextEdited: App.outline.setFilter(text)
                Keys.onDownPressed: outlineList.forceActiveFocus()
            }
            ListView {
                id: outlineList
                objectName: "outlineList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: App.outline
                keyNavigationEnabled: true
                ScrollBar.vertical: ScrollBar {}
                delegate: CheckDelegate {
                    id: entry
                    required property string code
                    required property string label
                    required property string title
                    required property int level
                    width: ListView.view.width
                    implicitHeight: Math.max(Theme.touch, contentItem.implicitHeight + 12)
                    leftPadding: Theme.spacing + Math.max(0, level - 1) * 24
                    checked: picker.selected.indexOf(code) >= 0
                    onToggled: picker.toggle(code)
                    contentItem: Label {
                        text: qsTr("%1  %2").arg(entry.label).arg(entry.title)
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        font.bold: entry.level <= 1
                        rightPadding: entry.indicator.width + entry.spacing
                    }
                }
            }
            Button {
                Layout.alignment: Qt.AlignRight
                Layout.minimumHeight: Theme.touch
                text: qsTr("Xong")
                highlighted: true
                onClicked: popup.close()
            }
        }
    }
}
