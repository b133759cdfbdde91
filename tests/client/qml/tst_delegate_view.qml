import QtQuick
import QtQuick.Pdf
import QtTest
import GopY
import GopY.Test
import GopY.Views

// The delegate's view before any report is released, and the PDF viewer on a real PDF file:
// pages, navigation, zoom and search.
TestCase {
    id: testCase
    name: "DelegateView"
    width: 800
    height: 1280
    visible: true  // TestCase is invisible by default; the views under test must receive input
    when: windowShown

    Component {
        id: delegateComponent
        DelegateView {
            width: testCase.width
            height: testCase.height
        }
    }
    Component {
        id: viewerComponent
        ReportViewer {
            width: testCase.width
            height: testCase.height
        }
    }

    function test_ownCommentsUntilReportsExist() {
        const view = createTemporaryObject(delegateComponent, testCase);
        verify(view);
        const reports = findChild(view, "reportList");
        const own = findChild(view, "ownCommentList");
        const viewer = findChild(view, "reportViewer");
        compare(reports.count, 0);
        verify(!reports.visible);
        verify(own.visible);
        verify(!viewer.visible);
    }

    function test_viewerShowsPdf() {
        const viewer = createTemporaryObject(viewerComponent, testCase, { source: TestData.pdfUrl });
        verify(viewer);
        tryCompare(viewer, "status", PdfDocument.Ready, 20000);
        compare(viewer.pageCount, 3);
        const pdf = findChild(viewer, "pdfView");
        const page = findChild(viewer, "pageSpinBox");
        compare(pdf.currentPage, 0);
        compare(page.to, 3);
        pdf.goToPage(2);
        tryCompare(pdf, "currentPage", 2, 10000);
        tryCompare(page, "value", 3);
    }

    function test_viewerSearchesText() {
        const viewer = createTemporaryObject(viewerComponent, testCase, { source: TestData.pdfUrl });
        tryCompare(viewer, "status", PdfDocument.Ready, 20000);
        const search = findChild(viewer, "pdfSearchField");
        const pdf = findChild(viewer, "pdfView");
        search.text = "Trang 2";
        tryVerify(() => pdf.searchModel.rowCount() > 0, 20000, "the search finds the page");
        search.text = "tổng hợp";
        tryVerify(() => pdf.searchModel.rowCount() >= 3, 20000, "Vietnamese text is searchable");
    }

    function test_fitWidthZooms() {
        const viewer = createTemporaryObject(viewerComponent, testCase, { source: TestData.pdfUrl });
        tryCompare(viewer, "status", PdfDocument.Ready, 20000);
        const pdf = findChild(viewer, "pdfView");
        const fit = findChild(viewer, "fitWidthButton");
        pdf.renderScale = 0.5;
        mouseClick(fit);
        verify(pdf.renderScale > 0.9, "A4 at 72 dpi fits 800 px wide at about 1.3: " + pdf.renderScale);
    }

    function test_pagesNeverCoverTheToolbarAndKeysGoBack() {
        const viewer = createTemporaryObject(viewerComponent, testCase, { source: TestData.pdfUrl });
        tryCompare(viewer, "status", PdfDocument.Ready, 20000);
        const pdf = findChild(viewer, "pdfView");
        const toolbar = findChild(viewer, "viewerToolbar");
        verify(pdf.clip, "the pages are clipped to their own area");
        verify(toolbar.z > pdf.z);
        // Zoomed in and scrolled by the mouse wheel, as a reader does.
        mouseClick(findChild(viewer, "fitWidthButton"));
        pdf.renderScale = 3;
        mouseWheel(pdf, pdf.width / 2, pdf.height / 2, 0, -600);
        wait(50);
        // The toolbar still takes the click: the back button works.
        let closed = 0;
        viewer.closeRequested.connect(() => ++closed);
        mouseClick(findChild(viewer, "backToReportsButton"));
        compare(closed, 1);
        viewer.forceActiveFocus();
        keyClick(Qt.Key_Escape);
        compare(closed, 2);
        keyClick(Qt.Key_Left, Qt.AltModifier);
        compare(closed, 3);
        // Esc in a search field with text clears it and stays.
        const search = findChild(viewer, "pdfSearchField");
        search.forceActiveFocus();
        search.text = "Trang";
        keyClick(Qt.Key_Escape);
        compare(search.text, "");
        compare(closed, 3);
    }

    function test_opensAtAWholePageOnLandscapeAndTheWidthOnPortrait() {
        // Portrait (800 × 1280): the page's width fits, about 1.3 for A4 at 72 dpi.
        const portrait = createTemporaryObject(viewerComponent, testCase, { source: TestData.pdfUrl });
        tryCompare(portrait, "status", PdfDocument.Ready, 20000);
        const p = findChild(portrait, "pdfView");
        compare(portrait.effectiveFit, "width");
        verify(p.renderScale > 0.9 && p.renderScale < 1.6, "portrait scale " + p.renderScale);
        // Landscape (1280 × 800, a laptop): a whole page, not 300 % of its letterhead.
        const landscape = createTemporaryObject(viewerComponent, testCase, { source: TestData.pdfUrl });
        landscape.width = 1280;
        landscape.height = 800;
        tryCompare(landscape, "status", PdfDocument.Ready, 20000);
        const l = findChild(landscape, "pdfView");
        compare(landscape.effectiveFit, "page");
        tryVerify(() => l.renderScale < 1.0, 5000, "landscape scale " + l.renderScale);
        // Turned to portrait, it follows until the reader zooms.
        landscape.width = 800;
        landscape.height = 1280;
        tryVerify(() => l.renderScale < 1.7 && l.renderScale > 0.9, 5000, "follows the turn: " + l.renderScale);
        const before = l.renderScale;
        landscape.zoom(1.25);
        compare(landscape.fit, "manual");
        landscape.width = 700;
        wait(50);
        compare(l.renderScale, before * 1.25);
    }
}
