pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// The secretary's comment editor for the current speaker: the text (sent live to the chair as it
// is typed), the sections and kind, the paragraph of the first section (when the draft numbers
// its paragraphs), proposed wording with its location, written submission; saved
// to the outbox with "Lưu ý kiến" / Ctrl+Enter. Several comments per speaker; an earlier comment
// is loaded with beginEdit() and saved with updateComment. Everything in the editor is kept on
// the device as it is typed (App.keepUnsaved) and comes back after a crash or restart, marked
// "Chưa lưu", until it is saved or discarded.
Pane {
    id: editor

    property string editingCommentId: ""
    // The revision loaded by beginEdit(): the save is sent against it, so an edit another
    // secretary saved meanwhile becomes a conflict (XUNG ĐỘT) instead of being overwritten.
    property int editingRev: 0
    property string participantId: ""
    property string turnId: ""
    property string speakerName: ""
    property string speakerTitle: ""
    readonly property bool editing: editingCommentId.length > 0
    readonly property bool canSave: participantId.length > 0 && textArea.text.trim().length > 0
    readonly property alias text: textArea.text
    property bool loading: false
    property string followedTurnId: ""
    // True while the editor shows a draft brought back after the app stopped without saving it.
    property bool restored: false
    property int restoredFor: 0
    // False while the editor is being built: the fields settling to their first values must not
    // overwrite (or drop) the draft kept on the device before it is restored.
    property bool ready: false

    // Saves the comment being written (new or edited); keeps the speaker for the next comment.
    function save() {
        if (!canSave)
            return;
        const kind = kindBox.currentValue ?? "other";
        if (editing) {
            // Refused (the reason is in App.lastError): keep the text so nothing typed is lost.
            if (!App.updateComment(editingCommentId, textArea.text, sectionPicker.selected, kind,
                                   wordingArea.text, locationField.text, writtenBox.checked,
                                   paragraphPicker.paragraph, editingRev))
                return;
        } else {
            const id = App.createComment(participantId, turnId, textArea.text,
                                         sectionPicker.selected, kind, wordingArea.text,
                                         locationField.text, writtenBox.checked,
                                         paragraphPicker.paragraph);
            // Refused (the reason is in App.lastError): keep the text so nothing typed is lost.
            if (id.length === 0)
                return;
        }
        newComment();
    }

    // Clears the editor for another comment of the current speaker (the kept draft goes too).
    function newComment() {
        loading = true;
        restored = false;
        App.discardUnsaved();
        editingCommentId = "";
        editingRev = 0;
        textArea.clear();
        wordingArea.clear();
        locationField.clear();
        writtenBox.checked = false;
        sectionPicker.selected = [];
        paragraphPicker.paragraph = 0;
        kindBox.currentIndex = kindBox.indexOfValue("other");
        loading = false;
        followSpeaker();
        textArea.forceActiveFocus();
    }

    // Makes the speaking turn the speaker of the next new comment, unless a comment is being
    // written or edited (its speaker must not change under the secretary's hands).
    function followSpeaker() {
        if (editing || textArea.text.length > 0 || App.currentTurnId.length === 0)
            return;
        followedTurnId = App.currentTurnId;
        speakerPicker.currentIndex = App.queue.indexOf(App.currentTurnId);
        pickSpeaker(speakerPicker.currentIndex);
    }

    // Takes the speaker of the queue entry at `index` for the comment being written.
    function pickSpeaker(index: int) {
        const entry = turns.objectAt(index);
        turnId = entry ? entry.turnId : "";
        participantId = entry ? entry.participantId : "";
        speakerName = entry ? entry.fullName : "";
        speakerTitle = entry ? entry.title : "";
    }

    // Keeps everything the editor holds on the device (throttled by App).
    function keep() {
        if (loading || !ready)
            return;
        App.keepUnsaved(editingCommentId, editingRev, participantId, turnId, speakerName, textArea.text,
                        sectionPicker.selected, kindBox.currentValue ?? "other", wordingArea.text,
                        locationField.text, writtenBox.checked, paragraphPicker.paragraph);
    }

    // Brings back the draft kept for the selected conference (once per conference), unless the
    // secretary has already started something else.
    function restoreUnsaved() {
        if (App.conferenceId === 0 || App.conferenceId === restoredFor)
            return;
        restoredFor = App.conferenceId;
        if (editing || textArea.text.length > 0)
            return;
        const draft = App.unsavedDraft();
        if (draft.text === undefined)
            return;
        loading = true;
        editingCommentId = draft.commentId;
        editingRev = draft.baseRev;
        participantId = draft.participantId;
        turnId = draft.turnId;
        speakerName = draft.speakerName;
        speakerTitle = "";
        speakerPicker.currentIndex = draft.turnId.length > 0 ? App.queue.indexOf(draft.turnId) : -1;
        textArea.text = draft.text;
        sectionPicker.selected = Array.from(draft.sections);
        paragraphPicker.paragraph = draft.paragraph;
        kindBox.currentIndex = kindBox.indexOfValue(draft.kind);
        wordingArea.text = draft.proposedWording;
        locationField.text = draft.proposedLocation;
        writtenBox.checked = draft.written;
        loading = false;
        restored = true;
        // Typing goes on where it stopped.
        textArea.cursorPosition = textArea.length;
        textArea.forceActiveFocus();
    }

    // Loads an earlier comment for editing.
    function beginEdit(commentId: string, participant: string, name: string, body: string,
                       sections: var, kind: string, wording: string, location: string,
                       written: bool, paragraph: int) {
        loading = true;
        editingCommentId = commentId;
        editingRev = App.commentRev(commentId);
        participantId = participant;
        turnId = "";
        speakerName = name;
        speakerTitle = "";
        textArea.text = body;
        sectionPicker.selected = Array.from(sections);
        // After the sections: a change of section resets the paragraph.
        paragraphPicker.paragraph = paragraph;
        kindBox.currentIndex = kindBox.indexOfValue(kind);
        wordingArea.text = wording;
        locationField.text = location;
        writtenBox.checked = written;
        loading = false;
        restored = false;
        keep();
        textArea.forceActiveFocus();
    }

    // Text fields claim Ctrl+K (delete to end of line on X11) before window shortcuts see it;
    // in the editor it means "kind". Ctrl+←/→, Home/End and Ctrl+Backspace stay the editor's
    // (the next speaker is Alt+N).
    function interceptShortcut(event: KeyEvent) {
        if ((event.modifiers & Qt.ControlModifier) && event.key === Qt.Key_K) {
            focusKind();
            event.accepted = true;
        }
    }

    function focusText() {
        textArea.forceActiveFocus();
    }
    function focusSections() {
        sectionPicker.openPicker();
    }
    function focusKind() {
        kindBox.forceActiveFocus();
        kindBox.popup.open();
    }

    padding: Theme.spacing
    Material.background: Theme.paper
    Material.elevation: 1

    Instantiator {
        id: turns
        model: App.queue
        delegate: QtObject {
            required property string turnId
            required property string participantId
            required property string fullName
            required property string title
        }
    }

    Connections {
        target: App
        function onConferenceChanged() {
            editor.restoreUnsaved();
            if (App.currentTurnId !== editor.followedTurnId)
                editor.followSpeaker();
        }
    }
    Component.onCompleted: {
        restoreUnsaved();
        followSpeaker();
        ready = true;
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing / 2

        Label {
            objectName: "restoredBanner"
            Layout.fillWidth: true
            visible: editor.restored
            text: qsTr("Chưa lưu — khôi phục sau khi ứng dụng tắt đột ngột")
            wrapMode: Text.Wrap
            color: Theme.bad
            font.bold: true
            padding: Theme.spacing / 2
            background: Rectangle {
                color: "#fff4e5"
                border.color: Theme.bad
                radius: Theme.radius
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing / 2
            Label {
                text: editor.editing ? qsTr("Sửa ý kiến của") : qsTr("Người phát biểu")
                font.bold: true
            }
            ComboBox {
                id: speakerPicker
                objectName: "speakerPicker"
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touch
                visible: !editor.editing
                model: App.queue
                textRole: "fullName"
                valueRole: "turnId"
                displayText: currentIndex >= 0 ? currentText
                             : editor.speakerName.length > 0 ? editor.speakerName
                             : qsTr("Chọn người phát biểu trong hàng đợi")
                onActivated: index => {
                    editor.pickSpeaker(index);
                    editor.keep();
                }
            }
            Label {
                objectName: "editingSpeaker"
                Layout.fillWidth: true
                visible: editor.editing
                text: editor.speakerName
                textFormat: Text.PlainText
                elide: Text.ElideRight
                color: Theme.accent
                font.bold: true
            }
        }

        ScrollView {
            id: textScroll
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 160

            TextArea {
                id: textArea
                objectName: "commentText"
                textFormat: TextEdit.PlainText
                wrapMode: TextEdit.Wrap
                font.pixelSize: Theme.fontSize + 2
                placeholderText: qsTr("Ghi ý kiến của người phát biểu… (Ctrl+Enter để lưu)")
                selectByMouse: true
                Keys.onPressed: event => editor.interceptShortcut(event)
                background: Rectangle {
                    color: "#fffdf8"
                    border.color: textArea.activeFocus ? Theme.accent : Theme.line
                    border.width: textArea.activeFocus ? 2 : 1
                    radius: Theme.radius
                }
                onTextChanged: {
                    if (!editor.loading && editor.participantId.length > 0)
                        App.sendTyping(editor.editingCommentId, editor.participantId, text);
                    editor.keep();
                }
                onActiveFocusChanged: {
                    if (!activeFocus)
                        App.flushUnsaved();
                }
            }
        }

        GridLayout {
            Layout.fillWidth: true
            columns: editor.width < 620 ? 1 : 2
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing / 2

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
                    onActivated: editor.keep()
                }
            }
            CheckBox {
                id: writtenBox
                objectName: "writtenBox"
                text: qsTr("Ý kiến bằng văn bản")
                onToggled: editor.keep()
            }
            SectionPicker {
                id: sectionPicker
                objectName: "sectionPicker"
                Layout.fillWidth: true
                Layout.columnSpan: editor.width < 620 ? 1 : 2
                onSelectedChanged: editor.keep()
            }
            ParagraphPicker {
                id: paragraphPicker
                objectName: "paragraphPicker"
                Layout.fillWidth: true
                Layout.columnSpan: editor.width < 620 ? 1 : 2
                sectionCode: sectionPicker.selected.length > 0 ? sectionPicker.selected[0] : ""
                onParagraphChanged: editor.keep()
            }
            TextField {
                id: wordingArea
                objectName: "proposedWording"
                Layout.fillWidth: true
                placeholderText: qsTr("Đề xuất câu chữ (ghi nguyên văn)")
                Keys.onPressed: event => editor.interceptShortcut(event)
                onTextChanged: editor.keep()
            }
            TextField {
                id: locationField
                objectName: "proposedLocation"
                Layout.fillWidth: true
                placeholderText: qsTr("Vị trí trong dự thảo (phần, mục, đoạn, trang, dòng)")
                Keys.onPressed: event => editor.interceptShortcut(event)
                onTextChanged: editor.keep()
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing / 2
            Button {
                id: saveButton
                objectName: "saveCommentButton"
                Layout.minimumHeight: Theme.touch
                text: editor.editing ? qsTr("Lưu sửa đổi") : qsTr("Lưu ý kiến")
                highlighted: true
                enabled: editor.canSave
                onClicked: editor.save()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Ctrl+Enter")
            }
            Button {
                objectName: "newCommentButton"
                Layout.minimumHeight: Theme.touch
                text: editor.editing ? qsTr("Huỷ sửa") : qsTr("Ý kiến mới")
                onClicked: editor.newComment()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Ctrl+N")
            }
            Label {
                objectName: "shortcutHint"
                Layout.fillWidth: true
                text: qsTr("Ctrl+Enter lưu · Ctrl+N ý kiến mới · Alt+N người tiếp theo · Ctrl+T mục · Ctrl+K loại")
                color: Theme.muted
                font.pixelSize: Theme.fontSize - 2
                elide: Text.ElideRight
                horizontalAlignment: Text.AlignRight
            }
            Button {
                objectName: "deleteCommentButton"
                Layout.minimumHeight: Theme.touch
                visible: editor.editing
                text: confirmDelete ? qsTr("Bấm lần nữa để xoá") : qsTr("Xoá ý kiến")
                flat: true
                Material.foreground: Theme.bad
                property bool confirmDelete: false
                onClicked: {
                    if (!confirmDelete) {
                        confirmDelete = true;
                        return;
                    }
                    confirmDelete = false;
                    App.deleteComment(editor.editingCommentId);
                    editor.newComment();
                }
                onVisibleChanged: confirmDelete = false
            }
        }
    }
}
