pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// The grassroots reporter's form for one comment of its congress: the draft section(s) and the
// paragraph of the first one (when the draft numbers its paragraphs), the kind, the text, and
// optionally the proposed wording with its location. "Lưu ý kiến" (Ctrl+Enter)
// records it through App.createGrassrootsComment; the sections stay chosen for the next comment,
// since a congress's comments are entered section by section. beginEdit() loads an earlier one.
Pane {
    id: form

    property string editingCommentId: ""
    readonly property bool editing: editingCommentId.length > 0
    readonly property bool canSave: textArea.text.trim().length > 0
    // Typed but not saved (a new comment): loading another one would lose it.
    readonly property bool dirty: !editing && (textArea.text.length > 0 || wordingField.text.length > 0
                                               || locationField.text.length > 0)
    readonly property alias text: textArea.text
    readonly property alias sections: sectionPicker.selected

    // Records the comment (new or edited). A refused save keeps everything typed.
    function save() {
        if (!canSave)
            return;
        const kind = kindBox.currentValue ?? "other";
        if (editing) {
            App.updateComment(editingCommentId, textArea.text, sectionPicker.selected, kind,
                              wordingField.text, locationField.text, false,
                              paragraphPicker.paragraph);
        } else {
            const id = App.createGrassrootsComment(sectionPicker.selected, kind, textArea.text,
                                                   wordingField.text, locationField.text,
                                                   paragraphPicker.paragraph);
            // Refused (the reason is in App.lastError): keep the text so nothing typed is lost.
            if (id.length === 0)
                return;
        }
        clearForNext();
    }

    // Empties the text fields for the next comment; the chosen sections stay, the paragraph
    // goes back to the whole section.
    function clearForNext() {
        editingCommentId = "";
        paragraphPicker.paragraph = 0;
        textArea.clear();
        wordingField.clear();
        locationField.clear();
        kindBox.currentIndex = kindBox.indexOfValue("other");
        textArea.forceActiveFocus();
    }

    // Loads an earlier comment of this organisation for editing.
    function beginEdit(commentId: string, body: string, sections: var, kind: string,
                       wording: string, location: string, paragraph: int) {
        editingCommentId = commentId;
        textArea.text = body;
        sectionPicker.selected = Array.from(sections);
        // After the sections: a change of section resets the paragraph.
        paragraphPicker.paragraph = paragraph;
        kindBox.currentIndex = kindBox.indexOfValue(kind);
        wordingField.text = wording;
        locationField.text = location;
        textArea.forceActiveFocus();
    }

    padding: Theme.spacing
    Material.background: Theme.paper
    Material.elevation: 1

    Shortcut {
        sequences: ["Ctrl+Return", "Ctrl+Enter"]
        onActivated: form.save()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing / 2

        Label {
            objectName: "entryTitle"
            Layout.fillWidth: true
            text: form.editing ? qsTr("Sửa ý kiến đã nhập") : qsTr("Nhập ý kiến của đại hội")
            font.bold: true
            color: form.editing ? Theme.accent : Theme.ink
        }
        SectionPicker {
            id: sectionPicker
            objectName: "sectionPicker"
            Layout.fillWidth: true
        }
        ParagraphPicker {
            id: paragraphPicker
            objectName: "paragraphPicker"
            Layout.fillWidth: true
            sectionCode: sectionPicker.selected.length > 0 ? sectionPicker.selected[0] : ""
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing / 2
            Label {
                text: qsTr("Loại")
            }
            ComboBox {
                id: kindBox
                objectName: "kindBox"
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touch
                model: App.kinds()
                textRole: "label"
                valueRole: "kind"
                Component.onCompleted: currentIndex = indexOfValue("other")
            }
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 120

            TextArea {
                id: textArea
                objectName: "commentText"
                textFormat: TextEdit.PlainText
                wrapMode: TextEdit.Wrap
                font.pixelSize: Theme.fontSize + 2
                placeholderText: qsTr("Nội dung ý kiến đại hội đã tổng hợp… (Ctrl+Enter để lưu)")
                selectByMouse: true
                background: Rectangle {
                    color: "#fffdf8"
                    border.color: textArea.activeFocus ? Theme.accent : Theme.line
                    border.width: textArea.activeFocus ? 2 : 1
                    radius: Theme.radius
                }
            }
        }
        TextField {
            id: wordingField
            objectName: "proposedWording"
            Layout.fillWidth: true
            placeholderText: qsTr("Đề xuất câu chữ (ghi nguyên văn, nếu có)")
        }
        TextField {
            id: locationField
            objectName: "proposedLocation"
            Layout.fillWidth: true
            placeholderText: qsTr("Vị trí trong dự thảo (phần, mục, đoạn, trang, dòng)")
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing / 2
            Button {
                objectName: "saveCommentButton"
                Layout.minimumHeight: Theme.touch
                text: form.editing ? qsTr("Lưu sửa đổi") : qsTr("Lưu ý kiến")
                highlighted: true
                enabled: form.canSave
                onClicked: form.save()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Ctrl+Enter")
            }
            Button {
                objectName: "cancelEditButton"
                Layout.minimumHeight: Theme.touch
                visible: form.editing
                text: qsTr("Huỷ sửa")
                onClicked: form.clearForNext()
            }
            Item {
                Layout.fillWidth: true
            }
        }
    }
}
