import QtQuick
import QtTest
import QtQuick.Controls.Material
import GopY
import GopY.Views
import GopY.Test

// The grassroots reporter's desk against the real gopy-server with the demo campaign: a device
// admitted for "Đảng bộ phường Liễu Giai" (organisation 5, due 15/05/2025, not yet sent) enters
// its congress's comments section by section, edits and deletes them, keeps entering while the
// server is down, and sends the report after confirming. The functions run in name order and
// share the server's state.
TestCase {
    id: testCase
    name: "GrassrootsDesk"
    // Room for both layouts: 1920×1080 landscape and 800×1280 portrait.
    width: 1920
    height: 1280
    visible: true  // TestCase is invisible by default; the views under test must receive input
    when: windowShown

    // Generous: the machine may be compiling while the tests run.
    readonly property int patience: 60000
    readonly property int organisation: 5

    // The window's font as gopy-client sets it, inherited by every control of the view.
    Control {
        id: fontHost
        width: testCase.width
        height: testCase.height
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSize
    }

    Component {
        id: deskComponent
        GrassrootsDesk {
            width: 1920
            height: 1080
        }
    }

    // Saves a picture of the view to look at when $GOPY_SCREENSHOT_DIR is set.
    function snapshot(item, name) {
        if (TestData.screenshotDir.length === 0)
            return;
        waitForRendering(item);
        grabImage(item).save(TestData.screenshotDir + "/" + name + ".png");
    }

    function initTestCase() {
        verify(TestServer.start(), TestServer.lastOutput);
        const code = TestServer.admit("grassroots", 0, organisation);
        verify(code.length > 0, TestServer.lastOutput);
        App.connectTo(TestServer.address);
        App.admit(code, "Máy tính phường Liễu Giai");
        tryVerify(() => App.connectionState === App.Connected, patience, App.lastError);
        compare(App.role, "grassroots");
        tryCompare(App, "organisationId", organisation, patience);
        // The grassroots channel's conference is selected without asking.
        tryVerify(() => App.conferenceId === 7, patience, "grassroots conference selected");
        tryVerify(() => App.organisations.count === 10, patience, "dashboard received");
    }

    function createDesk() {
        const desk = createTemporaryObject(deskComponent, fontHost);
        verify(desk);
        waitForRendering(desk);
        return desk;
    }

    function typeText(text) {
        for (const ch of text)
            keyClick(ch);
    }

    // Fills the form and presses "Lưu ý kiến".
    function enter(desk, sections, kind, text, wording, location) {
        const form = findChild(desk, "grassrootsEntryForm");
        const picker = findChild(form, "sectionPicker");
        picker.selected = sections;
        const kindBox = findChild(form, "kindBox");
        kindBox.currentIndex = kindBox.indexOfValue(kind);
        const area = findChild(form, "commentText");
        area.forceActiveFocus();
        area.insert(area.length, text);
        findChild(form, "proposedWording").text = wording;
        findChild(form, "proposedLocation").text = location;
        const save = findChild(form, "saveCommentButton");
        verify(save.enabled);
        mouseClick(save);
    }

    // The card of the list whose text is `text` (the list is short: every card is created).
    function cardWithText(desk, text) {
        const list = findChild(desk, "grassrootsCommentList");
        for (let i = 0; i < list.count; ++i) {
            const card = list.itemAtIndex(i);
            if (card && card.text === text)
                return card;
        }
        return null;
    }

    function test_1_headerShowsOrganisationDueDateAndLateness() {
        const desk = createDesk();
        compare(findChild(desk, "organisationNameLabel").text, "Đảng bộ phường Liễu Giai");
        compare(App.organisationName, "Đảng bộ phường Liễu Giai");
        verify(!App.organisationReported);
        // Due 15/05/2025 and today is later: late, in words.
        tryCompare(findChild(desk, "reportStatus"), "text", "! Quá hạn gửi (hạn 15/05/2025)", patience);
        compare(findChild(desk, "reportStatus").status, "late");
        // Conference 7 holds other organisations' comments; this device sees only its own.
        compare(findChild(desk, "grassrootsCommentList").count, 0);
        compare(findChild(desk, "commentCountLabel").text, "Ý kiến góp ý vào dự thảo: chưa nhập ý kiến nào");
        const send = findChild(desk, "sendReportButton");
        verify(send.visible);
        verify(!send.enabled, "nothing to send yet");
    }

    function test_2_entersCommentsSectionBySection() {
        const desk = createDesk();
        const form = findChild(desk, "grassrootsEntryForm");
        const area = findChild(form, "commentText");
        const save = findChild(form, "saveCommentButton");
        compare(save.text, "Lưu ý kiến");
        verify(!save.enabled, "no text yet");
        verify(save.height >= Theme.touch, "touch target");

        // Typed on the keyboard, then the Vietnamese part as an input method commits it.
        area.forceActiveFocus();
        typeText("Dai hoi ");
        area.insert(area.length, "đề nghị bổ sung chỉ tiêu cây xanh đô thị.");
        findChild(form, "sectionPicker").selected = ["II.1"];
        const kindBox = findChild(form, "kindBox");
        kindBox.currentIndex = kindBox.indexOfValue("addition");
        findChild(form, "proposedWording").text = "mỗi người dân có ít nhất 2 m² cây xanh";
        findChild(form, "proposedLocation").text = "Phần II, mục 1, đoạn 3";
        verify(save.enabled);
        keyClick(Qt.Key_Return, Qt.ControlModifier);

        // Shown at once (committed to the outbox first); the form is ready for the next one
        // on the same section.
        compare(App.comments.count, 1);
        compare(area.text, "");
        compare(findChild(form, "proposedWording").text, "");
        compare(findChild(form, "sectionPicker").selected, ["II.1"]);
        const list = findChild(desk, "grassrootsCommentList");
        compare(list.count, 1);
        // The list counts it at once; its card is made at the next frame.
        tryVerify(() => cardWithText(desk, "Dai hoi đề nghị bổ sung chỉ tiêu cây xanh đô thị.") !== null, patience);
        const first = cardWithText(desk, "Dai hoi đề nghị bổ sung chỉ tiêu cây xanh đô thị.");
        compare(first.proposedWording, "mỗi người dân có ít nhất 2 m² cây xanh");
        compare(first.proposedLocation, "Phần II, mục 1, đoạn 3");
        compare(first.kindLabel, "bổ sung");
        // Acknowledged by the server: no longer waiting to be sent.
        tryVerify(() => !cardWithText(desk, "Dai hoi đề nghị bổ sung chỉ tiêu cây xanh đô thị.").pending, patience);

        enter(desk, ["II.1"], "recommendation", "Kiến nghị ưu tiên vốn cho cải tạo chung cư cũ.", "", "");
        enter(desk, ["I.2"], "agreement", "Nhất trí với đánh giá về an sinh xã hội.", "", "");
        compare(list.count, 3);
        // ListView announces its count when it lays out (next frame).
        tryCompare(findChild(desk, "commentCountLabel"), "text", "Ý kiến góp ý vào dự thảo: đã nhập 3 ý kiến");

        // Grouped by section in the draft's order (I.2 before II.1), with counts per section.
        tryCompare(findChild(desk, "sectionCount_I.2"), "text", "I.2 · 1", patience);
        compare(findChild(desk, "sectionCount_II.1").text, "II.1 · 2");
        compare(list.itemAtIndex(0).text, "Nhất trí với đánh giá về an sinh xã hội.");
        verify(list.itemAtIndex(0).sectionLabel.startsWith("I.2"));
        verify(list.itemAtIndex(1).sectionLabel.startsWith("II.1"));
        verify(list.itemAtIndex(2).sectionLabel.startsWith("II.1"));
        verify(findChild(desk, "sendReportButton").enabled);
        snapshot(desk, "grassroots-1920x1080");
    }

    function test_3_editsAndDeletes() {
        const desk = createDesk();
        const form = findChild(desk, "grassrootsEntryForm");
        const area = findChild(form, "commentText");
        tryVerify(() => cardWithText(desk, "Nhất trí với đánh giá về an sinh xã hội.") !== null, patience);

        // While a new comment is typed and not saved, loading another one is not offered.
        area.forceActiveFocus();
        typeText("Chua luu");
        const card = cardWithText(desk, "Nhất trí với đánh giá về an sinh xã hội.");
        verify(!findChild(card, "editCommentButton").enabled, "would lose what is typed");
        area.selectAll();
        keyClick(Qt.Key_Delete);
        verify(findChild(card, "editCommentButton").enabled);

        mouseClick(findChild(card, "editCommentButton"));
        verify(form.editing);
        compare(findChild(form, "entryTitle").text, "Sửa ý kiến đã nhập");
        compare(area.text, "Nhất trí với đánh giá về an sinh xã hội.");
        compare(findChild(form, "sectionPicker").selected, ["I.2"]);
        compare(findChild(form, "kindBox").currentValue, "agreement");
        area.insert(area.length, " Đề nghị nêu thêm kết quả giảm nghèo.");
        compare(findChild(form, "saveCommentButton").text, "Lưu sửa đổi");
        // "Huỷ sửa" appears beside the save button; until the row is laid out again it lies
        // over it, where no user could press it.
        waitForRendering(form);
        mouseClick(findChild(form, "saveCommentButton"));
        verify(!form.editing);
        tryVerify(() => cardWithText(desk, "Nhất trí với đánh giá về an sinh xã hội. Đề nghị nêu thêm kết quả giảm nghèo.") !== null, patience);
        compare(App.comments.count, 3);

        // Deleting asks for a second press.
        const doomed = cardWithText(desk, "Kiến nghị ưu tiên vốn cho cải tạo chung cư cũ.");
        const remove = findChild(doomed, "deleteCommentButton");
        compare(remove.text, "Xoá");
        mouseClick(remove);
        compare(remove.text, "Bấm lần nữa để xoá");
        compare(App.comments.count, 3);
        waitForRendering(doomed);
        mouseClick(remove);
        tryCompare(App.comments, "count", 2, patience);
        verify(cardWithText(desk, "Kiến nghị ưu tiên vốn cho cải tạo chung cư cũ.") === null);
        tryCompare(findChild(desk, "sectionCount_II.1"), "text", "II.1 · 1", patience);
    }

    function test_4_keepsEnteringWhileTheServerIsDown() {
        const desk = createDesk();
        verify(TestServer.stop(), TestServer.lastOutput);
        tryVerify(() => App.connectionState !== App.Connected, patience, "the client noticed");

        enter(desk, ["II.3"], "other", "Ý kiến ghi khi mất kết nối.", "", "");
        // In the list at once, counted as unsent, marked on its card (the card is made when
        // the list lays out, next frame).
        compare(App.comments.count, 3);
        tryVerify(() => cardWithText(desk, "Ý kiến ghi khi mất kết nối.") !== null, patience);
        const card = cardWithText(desk, "Ý kiến ghi khi mất kết nối.");
        verify(card.pending);
        compare(findChild(card, "pendingBadge").visible, true);
        verify(App.unsentCount >= 1);

        verify(TestServer.restart(), TestServer.lastOutput);
        tryVerify(() => App.connectionState === App.Connected, patience, App.lastError);
        tryCompare(App, "unsentCount", 0, patience);
        tryVerify(() => !cardWithText(desk, "Ý kiến ghi khi mất kết nối.").pending, patience);
        compare(App.comments.count, 3);
    }

    function test_5_sendsTheReportAfterConfirming() {
        const desk = createDesk();
        const send = findChild(desk, "sendReportButton");
        const dialog = findChild(desk, "sendReportDialog");
        tryVerify(() => send.enabled, patience);
        compare(send.text, "Gửi báo cáo");

        // "Chưa gửi" closes the question and sends nothing.
        mouseClick(send);
        tryVerify(() => dialog.opened);
        compare(findChild(dialog, "sendReportQuestion").text,
                "Gửi báo cáo của Đảng bộ phường Liễu Giai gồm 3 ý kiến về Ban Tuyên giáo Quận ủy để tổng hợp chung?");
        mouseClick(findChild(dialog, "cancelSendButton"));
        tryVerify(() => !dialog.visible);
        verify(!App.organisationReported);

        mouseClick(send);
        tryVerify(() => dialog.opened);
        snapshot(desk, "grassroots-confirm-1920x1080");
        mouseClick(findChild(dialog, "confirmSendButton"));
        tryVerify(() => App.organisationReported, patience, "the report is marked sent");
        verify(!send.visible, "sent once");
        const state = findChild(desk, "reportStatus");
        tryVerify(() => state.text.startsWith("✓ Đã gửi lúc "), patience, state.text);
        compare(state.status, "done");
        // The dashboard follows: four of ten organisations have sent theirs.
        tryCompare(App, "reportedCount", 4, patience);
    }

    function test_6_portraitStacksFormOverList() {
        const desk = createDesk();
        desk.width = 800;
        desk.height = 1280;
        desk.portrait = true;
        waitForRendering(desk);
        const form = findChild(desk, "grassrootsEntryForm");
        const entered = findChild(desk, "enteredComments");
        verify(entered.y >= form.y + form.height - 1, "list under the form");
        verify(form.width > 700 && entered.width > 700, "full width");
        verify(findChild(form, "commentText").height >= 100, "room to type");
        snapshot(desk, "grassroots-sent-800x1280");
    }
}
