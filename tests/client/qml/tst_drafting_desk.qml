import QtQuick
import QtTest
import GopY
import GopY.Views
import GopY.Test

// The drafting team's desk against the real gopy-server with the demo campaign (conference 1's
// comments, the public channel's comments, some without a section and some near-duplicates):
// the outline with counts, the "Chưa phân mục" list ticked all at once and assigned a section
// in one action, the folding search, a suggested group confirmed and answered in part with an
// explanation. The functions run in name order and share the server's state.
TestCase {
    id: testCase
    name: "DraftingDesk"
    width: 1920
    height: 1280
    visible: true
    when: windowShown

    readonly property int patience: 60000

    Component {
        id: deskComponent
        DraftingDesk {
            width: 1920
            height: 1080
        }
    }

    function snapshot(item, name) {
        if (TestData.screenshotDir.length === 0)
            return;
        waitForRendering(item);
        grabImage(item).save(TestData.screenshotDir + "/" + name + ".png");
    }

    function initTestCase() {
        verify(TestServer.start(), TestServer.lastOutput);
        const code = TestServer.admit("drafting", 0, 0);
        verify(code.length > 0, TestServer.lastOutput);
        App.connectTo(TestServer.address);
        App.admit(code, "Máy tổ biên tập");
        tryVerify(() => App.connectionState === App.Connected, patience, App.lastError);
        compare(App.role, "drafting");
        // Every conference arrives: conference 1's forty comments and the public ones.
        tryVerify(() => App.drafting.totalCount > 40 && App.drafting.unassignedCount >= 2, patience,
                  "every conference on the desk");
    }

    function createDesk() {
        const desk = createTemporaryObject(deskComponent, testCase);
        verify(desk);
        waitForRendering(desk);
        return desk;
    }

    function test_1_outline_counts_and_unassigned_list() {
        const desk = createDesk();
        const outline = findChild(desk, "draftingOutlineList");
        verify(outline);
        compare(outline.count, App.outline.count);
        mouseClick(findChild(desk, "unassignedEntry"));
        compare(App.drafting.section, "__unassigned");
        const list = findChild(desk, "workList");
        tryCompare(list, "count", App.drafting.unassignedCount);
        snapshot(desk, "drafting-unassigned-1920x1080");
        mouseClick(findChild(desk, "outline_"));
        compare(App.drafting.section, "");
        tryCompare(list, "count", App.drafting.totalCount);
    }

    function test_2_folding_search() {
        const desk = createDesk();
        const list = findChild(desk, "workList");
        const search = findChild(desk, "draftingSearch");
        search.forceActiveFocus();
        keyClick(Qt.Key_C); keyClick(Qt.Key_H); keyClick(Qt.Key_U); keyClick(Qt.Key_N); keyClick(Qt.Key_G);
        keyClick(Qt.Key_Space); keyClick(Qt.Key_C); keyClick(Qt.Key_U);
        tryVerify(() => list.count > 0 && list.count < App.drafting.totalCount, patience, "search narrows the list");
        // "chung cu" finds "chung cư" (folded for case and diacritics).
        for (let row = 0; row < App.drafting.items.count; ++row)
            verify(App.drafting.items.get(row).text.toLowerCase().indexOf("chung") >= 0,
                   App.drafting.items.get(row).text);
        App.drafting.setFilter("");
    }

    function test_3_tick_all_unassigned_and_assign_in_one_action() {
        const desk = createDesk();
        App.drafting.setSection("__unassigned");
        const list = findChild(desk, "workList");
        const before = App.drafting.unassignedCount;
        verify(before >= 2);
        tryCompare(list, "count", before);
        mouseClick(findChild(desk, "selectAll"));
        compare(App.drafting.selectedCount, before);
        findChild(desk, "assignPicker").selected = ["II.3"];
        const assign = findChild(desk, "assignButton");
        verify(assign.enabled);
        mouseClick(assign);
        // Shown at once from the outbox, then confirmed.
        compare(App.drafting.selectedCount, 0);
        compare(App.drafting.unassignedCount, 0);
        tryCompare(App, "unsentCount", 0, patience);
        compare(App.lastError, "");
        App.drafting.setSection("II.3");
        verify(App.drafting.items.count >= before);
    }

    function test_4_confirm_suggestion_and_answer_in_part() {
        const desk = createDesk();
        App.drafting.setSection("");  // the groups model follows the section chosen
        App.refreshDashboard();
        desk.page = 2;
        tryVerify(() => App.drafting.suggestions.count > 0, patience, "near-duplicates suggested");
        const groupsBefore = App.drafting.groups.count;
        const button = findChild(desk, "confirmSuggestion_0");
        verify(button);
        waitForRendering(desk);
        mouseClick(button);
        tryVerify(() => App.drafting.groups.count === groupsBefore + 1, patience, "group created");
        tryCompare(App, "unsentCount", 0, patience);
        snapshot(desk, "drafting-suggestions-1920x1080");

        // The group's block in the work list: answer it "Tiếp thu một phần" with a reason.
        desk.page = 1;
        App.drafting.setSection("");
        let groupId = "";
        let firstMember = "";
        for (let row = 0; row < App.drafting.groups.count; ++row) {
            if (App.drafting.groups.get(row).acceptance === "pending") {
                groupId = App.drafting.groups.get(row).groupId;
                firstMember = App.drafting.groups.get(row).memberIds[0];
            }
        }
        verify(groupId.length > 0);
        const list = findChild(desk, "workList");
        const at = App.drafting.items.indexOf(firstMember);
        list.positionViewAtIndex(Math.max(0, at), ListView.Beginning);
        let answer = null;
        tryVerify(() => (answer = findChild(desk, "answerGroup_" + groupId)) !== null, patience);
        waitForRendering(desk);
        mouseClick(answer);
        const dialog = findChild(desk, "answerDialog");
        tryVerify(() => dialog.opened, patience);
        mouseClick(findChild(dialog.contentItem, "answer_partly"));
        compare(dialog.acceptance, "partly");
        const save = findChild(dialog.contentItem, "answerSave");
        verify(!save.enabled, "a reason is required");
        const explanation = findChild(dialog.contentItem, "answerExplanation");
        explanation.text = "Tiếp thu ý đẩy nhanh cải tạo chung cư cũ; lộ trình cụ thể do Thành phố quyết định.";
        verify(save.enabled);
        mouseClick(save);
        tryVerify(() => {
            for (let row = 0; row < App.drafting.groups.count; ++row) {
                const g = App.drafting.groups.get(row);
                if (g.groupId === groupId)
                    return g.acceptance === "partly" && g.acceptanceLabel === "Tiếp thu một phần";
            }
            return false;
        }, patience, "the group is answered in part");
        tryCompare(App, "unsentCount", 0, patience);
        snapshot(desk, "drafting-1920x1080");
    }

    function test_5_portrait_layout() {
        const desk = createTemporaryObject(deskComponent, testCase, {width: 800, height: 1280, portrait: true});
        verify(desk);
        waitForRendering(desk);
        compare(desk.page, 1);
        verify(!findChild(desk, "draftingOutline").visible);
        desk.page = 0;
        verify(findChild(desk, "draftingOutline").visible);
        mouseClick(findChild(desk, "unassignedEntry"));
        compare(desk.page, 1, "choosing a section opens its comments");
        App.drafting.setSection("");
        snapshot(desk, "drafting-800x1280");
    }
}
