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

    function test_portraitPutsTabsUnderALargeEditor() {
        const console = createConsole();
        console.width = 800;
        console.height = 1280;
        console.portrait = true;
        waitForRendering(console);
        const editor = findChild(console, "commentEditor");
        const tabs = findChild(console, "consoleTabs");
        verify(editor && tabs);
        verify(!findChild(console, "queueAndAttendance").visible, "no side panels in portrait");
        verify(!findChild(console, "historyAndConflicts").visible, "no side panels in portrait");
        verify(tabs.visible);
        verify(editor.width > 760, "editor spans the width: " + editor.width);
        compare(tabs.width, editor.width);
        verify(tabs.y >= editor.y + editor.height, "the tabs are under the editor");
        verify(editor.height > tabs.height, "the editor is the larger part: " + editor.height
               + " against " + tabs.height);
        verify(findChild(console, "commentText").height >= 240, "room to type");

        // Queue, attendance, recorded comments and conflicts: each one tap away.
        const pages = ["queuePanel", "attendancePanel", "commentHistory", "conflictPanel"];
        for (let i = 0; i < pages.length; ++i) {
            const tab = findChild(console, "consoleTabs/" + i);
            verify(tab && tab.visible, "tab " + i);
            verify(tab.height >= 44, "touch target " + tab.height);
            mouseClick(tab);
            for (let j = 0; j < pages.length; ++j) {
                const page = findChild(console, pages[j]);
                compare(page.visible, i === j, pages[j] + " after tapping tab " + i);
            }
            const shown = findChild(console, pages[i]);
            verify(shown.width > 700 && shown.height > 200, pages[i] + " fills the panel");
        }
    }

    function test_turningTheTabletKeepsWhatWasTyped() {
        const console = createConsole();
        const search = findChild(console, "attendanceSearch");
        mouseClick(findChild(console, "queueAndAttendance/1"));
        mouseClick(search);
        typeText("nguyen");
        compare(search.text, "nguyen");
        const area = findChild(console, "commentText");
        area.forceActiveFocus();
        typeText("Y kien dang ghi");

        console.width = 800;
        console.height = 1280;
        console.portrait = true;
        waitForRendering(console);
        compare(area.text, "Y kien dang ghi");
        compare(search.text, "nguyen");
        mouseClick(findChild(console, "consoleTabs/1"));
        verify(search.visible, "the attendance page moved under the editor");

        console.width = 1280;
        console.height = 800;
        console.portrait = false;
        waitForRendering(console);
        compare(area.text, "Y kien dang ghi");
        verify(findChild(console, "queueAndAttendance").visible);
        mouseClick(findChild(console, "queueAndAttendance/0"));
        const queue = findChild(console, "queuePanel");
        verify(queue.visible);
        const editor = findChild(console, "commentEditor");
        verify(queue.mapToItem(console, 0, 0).x + queue.width <= editor.x,
               "the queue is back on the left of the editor");
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
