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
}
