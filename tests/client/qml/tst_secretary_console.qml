import QtQuick
import QtTest
import GopY
import GopY.Views

// The secretary's console with the real App (no conference, no server): layout in landscape and
// portrait, typing into the comment editor, the save rules, the keyboard shortcuts.
TestCase {
    id: testCase
    name: "SecretaryConsole"
    width: 1280
    height: 800
    visible: true  // TestCase is invisible by default; the views under test must receive input
    when: windowShown

    Component {
        id: consoleComponent
        SecretaryConsole {
            width: testCase.width
            height: testCase.height
        }
    }

    function createConsole() {
        const console = createTemporaryObject(consoleComponent, testCase);
        verify(console);
        waitForRendering(console);
        return console;
    }

    function typeText(text) {
        for (const ch of text)
            keyClick(ch);
    }

    function test_landscapeHasThreeColumns() {
        const console = createConsole();
        const left = findChild(console, "queueAndAttendance");
        const editor = findChild(console, "commentEditor");
        const right = findChild(console, "historyAndConflicts");
        verify(left && editor && right);
        verify(left.x < editor.x && editor.x < right.x, "queue | editor | comments");
        compare(left.y, editor.y);
        verify(editor.width > left.width, "the editor is the widest column");
    }

    function test_portraitStacksPanelsUnderEditor() {
        const console = createConsole();
        console.width = 800;
        console.height = 1280;
        console.portrait = true;
        waitForRendering(console);
        const left = findChild(console, "queueAndAttendance");
        const editor = findChild(console, "commentEditor");
        const right = findChild(console, "historyAndConflicts");
        verify(editor.width > 700, "editor spans the width: " + editor.width);
        verify(left.y > editor.y && right.y > editor.y, "side panels under the editor");
        compare(left.y, right.y);
        verify(left.x < right.x);
    }

    function test_typingEnablesSaveOnlyWithSpeaker() {
        const console = createConsole();
        const editor = console.editor;
        const area = findChild(console, "commentText");
        const save = findChild(console, "saveCommentButton");
        verify(area && save);
        compare(save.text, "Lưu ý kiến");
        verify(save.height >= 44, "touch target " + save.height);
        verify(!save.enabled);

        area.forceActiveFocus();
        typeText("Nhat tri voi du thao");
        compare(area.text, "Nhat tri voi du thao");
        verify(!save.enabled, "no speaker chosen yet");

        editor.participantId = "p-test";
        editor.speakerName = "Nguyễn Văn A";
        verify(save.enabled);

        area.selectAll();
        keyClick(Qt.Key_Delete);
        compare(area.text, "");
        verify(!save.enabled, "nothing to save");
    }

    function test_refusedSaveKeepsTheText() {
        const console = createConsole();
        const editor = console.editor;
        const area = findChild(console, "commentText");
        editor.participantId = "p-test";
        area.forceActiveFocus();
        typeText("Can bo sung muc II.3");
        area.insert(area.length, " — đề nghị làm rõ chỉ tiêu");
        // No conference is selected, so the App refuses the comment and says why.
        keyClick(Qt.Key_Return, Qt.ControlModifier);
        tryVerify(() => App.lastError.length > 0, 5000, "the refusal is explained");
        compare(area.text, "Can bo sung muc II.3 — đề nghị làm rõ chỉ tiêu");
        compare(App.comments.count, 0);
    }

    function test_ctrlNClearsEditor() {
        const console = createConsole();
        const area = findChild(console, "commentText");
        const written = findChild(console, "writtenBox");
        const wording = findChild(console, "proposedWording");
        area.forceActiveFocus();
        typeText("Y kien thu nhat");
        written.checked = true;
        wording.text = "phát triển bền vững";
        keyClick(Qt.Key_N, Qt.ControlModifier);
        compare(area.text, "");
        compare(wording.text, "");
        verify(!written.checked);
        verify(area.activeFocus, "ready for the next comment");
    }

    function test_kindSelectorOffersSixKinds() {
        const console = createConsole();
        const kind = findChild(console, "kindBox");
        verify(kind);
        compare(kind.count, 6);
        compare(kind.currentValue, "other");
        // From inside the comment text, where text editing would otherwise claim Ctrl+K.
        const area = findChild(console, "commentText");
        area.forceActiveFocus();
        typeText("abc");
        keyClick(Qt.Key_K, Qt.ControlModifier);
        tryVerify(() => kind.popup.opened);
        verify(kind.activeFocus);
        kind.popup.close();
        compare(area.text, "abc", "Ctrl+K did not delete text");
    }

    function test_ctrlTOpensSectionPicker() {
        const console = createConsole();
        const picker = findChild(console, "sectionPicker");
        verify(picker);
        verify(!picker.popupOpen);
        keyClick(Qt.Key_T, Qt.ControlModifier);
        tryVerify(() => picker.popupOpen);
        picker.toggle("II.3");
        picker.toggle("I.1");
        compare(picker.selected, ["II.3", "I.1"]);
        picker.toggle("II.3");
        compare(picker.selected, ["I.1"]);
    }

    function test_queueAndAttendanceAreEmptyWithoutConference() {
        const console = createConsole();
        const queue = findChild(console, "queueList");
        const attendance = findChild(console, "attendanceList");
        verify(queue && attendance);
        compare(queue.count, 0);
        compare(attendance.count, 0);
        const next = findChild(console, "nextSpeakerButton");
        verify(!next.enabled);
        const start = findChild(console, "startSessionButton");
        verify(start.visible && !start.enabled, "no conference selected");
    }

    function test_addSpeakerPaneOpens() {
        const console = createConsole();
        const add = findChild(console, "addSpeakerButton");
        const pane = findChild(console, "addSpeakerPane");
        verify(!pane.visible);
        mouseClick(add);
        verify(pane.visible);
        const addNew = findChild(console, "addNewSpeakerButton");
        verify(!addNew.enabled, "a name is needed");
        findChild(console, "newSpeakerName").text = "Trần Thị Bình";
        verify(addNew.enabled);
    }
}
