import QtQuick
import QtTest
import QtQuick.Controls.Material
import GopY
import GopY.Views
import GopY.Test

// A real session on the secretary's console against the real gopy-server (issue 11): the
// editor's keys stay the editor's (Ctrl+→ moves the cursor, Alt+N ends the turn), an edit
// started before another secretary's save becomes a conflict, what is typed comes back after
// the console (or the app) goes away unsaved, and the synthesis is released with a confirmation.
// The functions run in name order: the session ends in the last one.
TestCase {
    id: testCase
    name: "SecretarySession"
    width: 1600
    height: 1000
    visible: true  // TestCase is invisible by default; the views under test must receive input
    when: windowShown

    readonly property int patience: 60000
    property string firstTurn: ""
    property string secondTurn: ""

    Control {
        id: fontHost
        width: testCase.width
        height: testCase.height
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSize
    }

    Component {
        id: consoleComponent
        SecretaryConsole {
            width: testCase.width
            height: testCase.height
        }
    }

    function snapshot(item, name) {
        if (TestData.screenshotDir.length === 0)
            return;
        waitForRendering(item);
        grabImage(item).save(TestData.screenshotDir + "/" + name + ".png");
    }

    function createConsole() {
        const view = createTemporaryObject(consoleComponent, fontHost);
        verify(view);
        waitForRendering(view);
        return view;
    }

    function typeText(text) {
        for (const ch of text)
            keyClick(ch);
    }

    function initTestCase() {
        verify(TestServer.start(), TestServer.lastOutput);
        const code = TestServer.admit("secretary", 2, 0);
        verify(code.length > 0, TestServer.lastOutput);
        App.connectTo(TestServer.address);
        App.admit(code, "Máy thư ký");
        tryVerify(() => App.connectionState === App.Connected, patience, App.lastError);
        tryVerify(() => App.conferenceId === 2 && App.participants.count >= 2, patience, "conference 2 loaded");
        compare(App.conferenceState, "planned");
        App.startSession();
        tryVerify(() => App.conferenceState === "in_session" && App.unsentCount === 0, patience, App.lastError);
        firstTurn = App.enqueue(App.participants.idAt(0));
        secondTurn = App.enqueue(App.participants.idAt(1));
        verify(firstTurn.length > 0 && secondTurn.length > 0, App.lastError);
        App.startTurn(firstTurn);
        tryVerify(() => App.currentTurnId === firstTurn && App.unsentCount === 0, patience, App.lastError);
    }

    // Ctrl+→ is the typist's next-word key: it moves the cursor and leaves the turn alone; so do
    // Ctrl+←, Home/End and Ctrl+Backspace. Alt+N ends the turn and starts the next speaker's.
    function test_1_editingKeysBelongToTheText() {
        const view = createConsole();
        const area = findChild(view, "commentText");
        area.forceActiveFocus();
        typeText("mot hai ba");
        keyClick(Qt.Key_Home);
        compare(area.cursorPosition, 0);
        keyClick(Qt.Key_Right, Qt.ControlModifier);
        verify(area.cursorPosition > 0 && area.cursorPosition < area.length,
               "Ctrl+→ moved to the next word: " + area.cursorPosition);
        keyClick(Qt.Key_Left, Qt.ControlModifier);
        compare(area.cursorPosition, 0);
        keyClick(Qt.Key_End);
        compare(area.cursorPosition, area.length);
        keyClick(Qt.Key_Backspace, Qt.ControlModifier);
        compare(area.text, "mot hai ");
        wait(500);
        compare(App.currentTurnId, firstTurn, "no editing key ended the turn");
        compare(App.unsentCount, 0, "nothing was sent for the queue");

        const hint = findChild(view, "shortcutHint");
        verify(hint.visible && hint.text.indexOf("Alt+N") >= 0, hint.text);
        keyClick(Qt.Key_N, Qt.AltModifier);
        tryVerify(() => App.currentTurnId === secondTurn, patience, "Alt+N starts the next speaker");
        compare(area.text, "mot hai ", "the text being typed stays");
        findChild(view, "newCommentButton").clicked();
        compare(area.text, "");
    }

    // SỬA loads revision 1; another secretary's save (revision 2) arrives while it is open; the
    // save goes against revision 1, so the server keeps it as a conflict and XUNG ĐỘT shows it.
    function test_2_aStaleEditBecomesAConflict() {
        const view = createConsole();
        const speaker = App.participants.idAt(1);
        const id = App.createComment(speaker, secondTurn, "Ban goc cua y kien", [], "other", "", "", false, 0);
        verify(id.length > 0, App.lastError);
        tryVerify(() => App.unsentCount === 0 && App.commentRev(id) === 1, patience);
        const edit = findChild(view, "editCommentButton");
        verify(edit, "the recorded comment's card");
        mouseClick(edit);
        const editor = findChild(view, "commentEditor");
        verify(editor.editing);
        compare(editor.editingRev, 1);

        // Another secretary's edit of the same revision is saved first (sent from this device here).
        verify(App.updateComment(id, "Ban cua thu ky khac", [], "other", "", "", false, -1, 1), App.lastError);
        tryVerify(() => App.unsentCount === 0 && App.commentRev(id) === 2, patience);

        const area = findChild(view, "commentText");
        area.forceActiveFocus();
        area.selectAll();
        typeText("Ban cua toi");
        keyClick(Qt.Key_Return, Qt.ControlModifier);
        verify(!editor.editing, "saved");
        const conflicts = findChild(view, "conflictPanel");
        tryVerify(() => conflicts.count === 1 && App.unsentCount === 0, patience,
                  "the second edit was kept as a conflict, not written over the first");
        compare(findChild(view, "historyAndConflicts").currentIndex, 1, "XUNG ĐỘT is shown");
        snapshot(view, "secretary-stale-edit-conflict");
    }

    // What is typed is kept on the device; a new console (as after a crash) shows it again,
    // marked unsaved, with the speaker and fields, until it is discarded.
    function test_3_whatIsTypedComesBackUnsaved() {
        let view = createConsole();
        let area = findChild(view, "commentText");
        area.forceActiveFocus();
        typeText("Y kien dang go do");
        mouseClick(findChild(view, "writtenBox"));
        verify(findChild(view, "writtenBox").checked);
        const speaker = findChild(view, "commentEditor").participantId;
        verify(speaker.length > 0);
        verify(!findChild(view, "restoredBanner").visible);
        wait(400);  // past the 300 ms throttle
        view.destroy();
        wait(0);

        view = createConsole();
        area = findChild(view, "commentText");
        compare(area.text, "Y kien dang go do");
        verify(findChild(view, "writtenBox").checked);
        compare(findChild(view, "commentEditor").participantId, speaker);
        const banner = findChild(view, "restoredBanner");
        verify(banner.visible);
        compare(banner.text, "Chưa lưu — khôi phục sau khi ứng dụng tắt đột ngột");
        verify(area.activeFocus, "typing goes on at once");
        compare(area.cursorPosition, area.length);
        typeText(" tiep");
        compare(area.text, "Y kien dang go do tiep");
        snapshot(view, "secretary-restored-draft");

        findChild(view, "newCommentButton").clicked();
        verify(!banner.visible);
        compare(App.unsavedDraft().text, undefined, "discarded: nothing to bring back");
    }

    // SỬA is open on a comment that another secretary deletes (sent from this device here); the
    // save is kept as a "deleted" conflict, XUNG ĐỘT says so and its button restores the comment.
    function test_3b_anEditOfADeletedCommentIsKeptAndRestores() {
        const view = createConsole();
        const speaker = App.participants.idAt(1);
        const id = App.createComment(speaker, secondTurn, "Y kien se bi xoa", [], "other", "", "", false, 0);
        verify(id.length > 0, App.lastError);
        tryVerify(() => App.unsentCount === 0 && App.commentRev(id) === 1, patience);
        App.deleteComment(id);
        tryVerify(() => App.unsentCount === 0 && App.commentRev(id) === 0, patience);
        // The editor had loaded revision 1 before the deletion reached it.
        const conflicts = findChild(view, "conflictPanel");
        const before = conflicts.count;  // test_2's conflict is still open
        verify(App.updateComment(id, "Ban viet lai sau khi bi xoa", [], "amendment", "", "", false, -1, 1), App.lastError);
        verify(App.lastError.indexOf("XUNG ĐỘT") >= 0, App.lastError);
        tryVerify(() => conflicts.count === before + 1 && App.unsentCount === 0, patience, "the edit was not kept");
        const tabs = findChild(view, "historyAndConflicts");
        tabs.currentIndex = 1;
        const list = findChild(conflicts, "conflictList");
        list.positionViewAtEnd();
        wait(100);
        const item = list.itemAtIndex(list.count - 1);
        verify(item, "the new conflict's card");
        const detail = findChild(item, "conflictDetail");
        verify(detail && detail.visible, "the panel says the comment was deleted");
        verify(detail.text.indexOf("khôi phục") >= 0, detail.text);
        compare(findChild(item, "mergedText").text, "Ban viet lai sau khi bi xoa");
        snapshot(view, "secretary-deleted-comment-conflict");
        mouseClick(findChild(item, "resolveButton"));
        tryVerify(() => App.commentRev(id) > 0 && conflicts.count === before, patience, "restoring brought the comment back");
    }

    // After the end of the session the synthesis can be released from the console, after a
    // confirmation in Vietnamese.
    function test_4_releaseTheSynthesis() {
        const view = createConsole();
        const release = findChild(view, "releaseReportButton");
        verify(release);
        verify(!release.visible, "nothing to release during the session");
        mouseClick(findChild(view, "endSessionButton"));
        const end = findChild(view, "endSessionDialog");
        tryVerify(() => end.opened);
        compare(end.standardButton(Dialog.No).text, "Huỷ");
        const endIt = end.standardButton(Dialog.Yes);
        compare(endIt.text, "Kết thúc phiên họp");
        mouseClick(endIt);
        tryVerify(() => !end.visible);
        tryVerify(() => App.releasableReportId > 0, patience, "the synthesis was written");
        tryVerify(() => release.visible);
        compare(release.text, "Phát hành cho đại biểu");
        wait(100);  // the bar lays the new button out
        snapshot(view, "secretary-release-button");
        mouseClick(release);
        const dialog = findChild(view, "releaseDialog");
        tryVerify(() => dialog.opened);
        compare(dialog.title, "Phát hành báo cáo tổng hợp cho đại biểu?");
        snapshot(view, "secretary-release-dialog");
        const cancel = dialog.standardButton(Dialog.Cancel);
        compare(cancel.text, "Huỷ");
        mouseClick(cancel);
        tryVerify(() => !dialog.visible);
        verify(App.releasableReportId > 0, "cancelled: not released");

        mouseClick(release);
        tryVerify(() => dialog.opened);
        const confirm = dialog.standardButton(Dialog.Ok);
        compare(confirm.text, "Phát hành");
        mouseClick(confirm);
        tryVerify(() => App.releasableReportId === 0 && App.unsentCount === 0, patience, App.lastError);
        tryVerify(() => !release.visible);
        compare(App.lastError, "");
    }
}
