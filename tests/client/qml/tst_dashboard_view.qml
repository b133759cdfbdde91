import QtQuick
import QtTest
import QtQuick.Controls.Material
import GopY
import GopY.Views
import GopY.Test

// The deadlines dashboard against the real gopy-server with the demo campaign, seen by a chair:
// the plan's four dated items (today is after all of them, so each is done or late), the ten
// grassroots organisations of which three sent their report, "Làm mới", and both layouts.
TestCase {
    id: testCase
    name: "DashboardView"
    // Room for both layouts: 1920×1080 landscape and 800×1280 portrait.
    width: 1920
    height: 1280
    visible: true  // TestCase is invisible by default; the views under test must receive input
    when: windowShown

    // Generous: the machine may be compiling while the tests run.
    readonly property int patience: 60000

    // The window's font as gopy-client sets it, inherited by every control of the view.
    Control {
        id: fontHost
        width: testCase.width
        height: testCase.height
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSize
    }

    Component {
        id: dashboardComponent
        DashboardView {
            width: 1920
            height: 1080
        }
    }

    SignalSpy {
        id: dashboardAnswers
        target: App
        signalName: "dashboardChanged"
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
        const code = TestServer.admit("chair", 1, 0);
        verify(code.length > 0, TestServer.lastOutput);
        App.connectTo(TestServer.address);
        App.admit(code, "Máy tính bảng chủ trì");
        tryVerify(() => App.connectionState === App.Connected, patience, App.lastError);
        compare(App.role, "chair");
        // The dashboard is asked for after welcome without anyone pressing a button.
        tryVerify(() => App.deadlines.count === 4 && App.organisations.count === 10, patience,
                  "dashboard received");
    }

    function createDashboard() {
        const view = createTemporaryObject(dashboardComponent, fontHost);
        verify(view);
        waitForRendering(view);
        return view;
    }

    function deadlineRow(view, key) {
        const row = findChild(view, "deadline_" + key);
        verify(row, key);
        return row;
    }

    // The delegate of organisation `id`, scrolled into view (the core orders late ones first).
    function organisationRow(list, id) {
        for (let i = 0; i < App.organisations.count; ++i) {
            if (App.organisations.get(i).organisationId === id) {
                list.positionViewAtIndex(i, ListView.Contain);
                waitForRendering(list);
                return list.itemAtIndex(i);
            }
        }
        return null;
    }

    function test_deadlinesOfThePlanWithStateInWords() {
        const view = createDashboard();
        compare(findChild(view, "deadlineList").count, 4);
        verify(findChild(view, "dashboardToday").text.startsWith("Hôm nay: "));

        // The public window (03/02–15/6/2025) is over: done.
        const window = deadlineRow(view, "public_window");
        compare(findChild(window, "deadlineLabel").text, "Lấy ý kiến Nhân dân");
        compare(findChild(window, "deadlineDates").text, "Từ 03/02/2025 đến hết 15/06/2025");
        const windowState = findChild(window, "deadlineStatus");
        compare(windowState.text, "✓ Đã xong");
        compare(windowState.background.color, Theme.ok);

        // Conferences in quarters I–II: one of five concluded by the end of June: late.
        const conferences = deadlineRow(view, "conferences");
        compare(findChild(conferences, "deadlineDates").text, "Từ 01/01/2025 đến hết 30/06/2025");
        compare(findChild(conferences, "deadlineProgress").text, "1/5 hội nghị đã kết thúc");
        const conferencesState = findChild(conferences, "deadlineStatus");
        compare(conferencesState.text, "! Quá hạn");
        compare(conferencesState.background.color, Theme.bad);

        // Grassroots reports: three of ten, due 01/07/2025: late, and counted.
        const grassroots = deadlineRow(view, "grassroots");
        compare(findChild(grassroots, "deadlineDates").text, "Hạn: hết ngày 01/07/2025");
        compare(findChild(grassroots, "deadlineProgress").text, "3/10 tổ chức đã gửi báo cáo");
        compare(findChild(grassroots, "deadlineStatus").text, "! Quá hạn");

        // The synthesis "before 01/7/2025": its last day is 30/06; no combined report yet.
        const synthesis = deadlineRow(view, "synthesis");
        compare(findChild(synthesis, "deadlineLabel").text, "Tổng hợp ý kiến, hoàn thành trước 01/07/2025");
        compare(findChild(synthesis, "deadlineDates").text, "Hạn: hết ngày 30/06/2025");
        compare(findChild(synthesis, "deadlineStatus").text, "! Quá hạn");
        verify(!findChild(synthesis, "deadlineProgress").visible, "not countable");
        snapshot(view, "dashboard-1920x1080");
    }

    function test_organisationsSentAndLate() {
        const view = createDashboard();
        const list = findChild(view, "organisationList");
        compare(list.count, 10);
        compare(findChild(view, "reportedCountLabel").text, "Đã gửi báo cáo: 3/10");
        compare(findChild(view, "reportedProgress").value, 3);

        // Phường Phúc Xá sent its report (demo: 30/04/2025) on time.
        const sent = organisationRow(list, 1);
        verify(sent);
        compare(findChild(sent, "organisationName").text, "Đảng bộ phường Phúc Xá");
        compare(findChild(sent, "organisationStatus").text, "✓ Đã gửi");
        verify(findChild(sent, "organisationWhen").text.startsWith("Đã gửi lúc "));
        verify(findChild(sent, "organisationWhen").text.endsWith(" · hạn 30/04/2025"));

        // Phường Liễu Giai, due 15/05/2025, has not: late, in words and in red.
        const late = organisationRow(list, 5);
        verify(late);
        compare(findChild(late, "organisationName").text, "Đảng bộ phường Liễu Giai");
        const lateState = findChild(late, "organisationStatus");
        compare(lateState.text, "! Chậm");
        compare(lateState.background.color, Theme.bad);
        compare(findChild(late, "organisationWhen").text, "Hạn gửi: 15/05/2025");
        compare(late.border.color, Theme.bad);
    }

    function test_refreshAsksTheServerAgain() {
        const view = createDashboard();
        const button = findChild(view, "refreshDashboardButton");
        compare(button.text, "Làm mới");
        verify(button.enabled, "connected");
        verify(button.height >= Theme.touch, "touch target");
        dashboardAnswers.clear();
        mouseClick(button);
        dashboardAnswers.wait(patience);
        compare(App.organisations.count, 10);
        compare(App.reportedCount, 3);
        compare(App.organisationCount, 10);
    }

    function test_landscapeSideBySide() {
        const view = createDashboard();
        const deadlines = findChild(view, "deadlinesPanel");
        const organisations = findChild(view, "organisationsPanel");
        verify(deadlines.x < organisations.x, "deadlines | organisations");
        compare(deadlines.y, organisations.y);
        verify(findChild(view, "closeDashboardButton").visible === false);
    }

    function test_portraitStacksPanels() {
        const view = createDashboard();
        view.width = 800;
        view.height = 1280;
        view.portrait = true;
        waitForRendering(view);
        const deadlines = findChild(view, "deadlinesPanel");
        const organisations = findChild(view, "organisationsPanel");
        verify(organisations.y > deadlines.y + deadlines.height - 1, "organisations under deadlines");
        verify(deadlines.width > 700 && organisations.width > 700, "full width");
        verify(organisations.height > 300, "room for the list: " + organisations.height);
        snapshot(view, "dashboard-800x1280");
    }

    function test_closableWhenOpenedOverAnotherView() {
        const view = createDashboard();
        view.closable = true;
        const close = findChild(view, "closeDashboardButton");
        verify(close.visible);
        let closed = false;
        view.closeRequested.connect(() => closed = true);
        mouseClick(close);
        verify(closed);
    }
}
