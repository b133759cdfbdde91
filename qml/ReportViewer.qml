pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import QtQuick.Pdf

// A downloaded synthesis report shown with Qt PDF: zoom, page navigation and search. The
// pages never cover the toolbar (clipped below it); Esc, Alt+← and the device's Back key
// return to the list; it opens showing a whole page on a landscape screen and the page's
// width on a portrait one, and keeps that fit when the window turns until the reader zooms.
Item {
    id: viewer

    property url source
    property string title: ""
    signal closeRequested()
    readonly property alias pageCount: document.pageCount
    readonly property alias status: document.status
    /// "auto" (a whole page on a landscape screen, the width on a portrait one, following the
    /// screen as it turns), "page", "width" (the buttons), or "manual" (the reader zoomed).
    property string fit: "auto"
    readonly property string effectiveFit: fit !== "auto" ? fit : (width > height ? "page" : "width")

    function applyFit() {
        if (document.status !== PdfDocument.Ready || pdfView.width <= 0 || pdfView.height <= 0)
            return;
        if (viewer.effectiveFit === "page")
            pdfView.scaleToPage(pdfView.width, pdfView.height);
        else if (viewer.effectiveFit === "width")
            pdfView.scaleToWidth(pdfView.width, pdfView.height);
    }
    function zoom(factor) {
        viewer.fit = "manual";
        pdfView.renderScale = Math.min(6, Math.max(0.25, pdfView.renderScale * factor));
    }

    Shortcut {
        // Esc in the search field clears the search first.
        // (StandardKey.Back is Alt+Left here: listing both would make the shortcut ambiguous.)
        sequences: ["Esc", "Alt+Left", "Back"]
        enabled: viewer.visible
        onActivated: {
            if (searchField.activeFocus && searchField.text.length > 0)
                searchField.clear();
            else
                viewer.closeRequested();
        }
    }

    PdfDocument {
        id: document
        source: viewer.source
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Pane {
            objectName: "viewerToolbar"
            Layout.fillWidth: true
            z: 1
            padding: Theme.spacing / 2
            Material.background: Theme.paper
            Material.elevation: 1

            Flow {
                anchors.left: parent.left
                anchors.right: parent.right
                spacing: Theme.spacing / 2

                Button {
                    objectName: "backToReportsButton"
                    height: Theme.touch
                    text: qsTr("‹ Danh sách")
                    flat: true
                    onClicked: viewer.closeRequested()
                }
                Button {
                    height: Theme.touch
                    width: Theme.touch
                    text: "−"
                    font.pixelSize: Theme.titleFont
                    onClicked: viewer.zoom(1 / 1.25)
                }
                Label {
                    height: Theme.touch
                    verticalAlignment: Text.AlignVCenter
                    text: qsTr("%1%").arg(Math.round(pdfView.renderScale * 100))
                }
                Button {
                    height: Theme.touch
                    width: Theme.touch
                    text: "+"
                    font.pixelSize: Theme.titleFont
                    onClicked: viewer.zoom(1.25)
                }
                Button {
                    objectName: "fitWidthButton"
                    height: Theme.touch
                    text: qsTr("Vừa chiều ngang")
                    onClicked: {
                        viewer.fit = "width";
                        viewer.applyFit();
                    }
                }
                Button {
                    objectName: "fitPageButton"
                    height: Theme.touch
                    text: qsTr("Cả trang")
                    onClicked: {
                        viewer.fit = "page";
                        viewer.applyFit();
                    }
                }
                Button {
                    height: Theme.touch
                    width: Theme.touch
                    text: "◀"
                    enabled: pdfView.currentPage > 0
                    onClicked: pdfView.goToPage(pdfView.currentPage - 1)
                }
                SpinBox {
                    id: pageBox
                    objectName: "pageSpinBox"
                    height: Theme.touch
                    from: 1
                    to: Math.max(1, document.pageCount)
                    editable: true
                    value: pdfView.currentPage + 1
                    onValueModified: pdfView.goToPage(value - 1)
                }
                Label {
                    height: Theme.touch
                    verticalAlignment: Text.AlignVCenter
                    text: qsTr("/ %1 trang").arg(document.pageCount)
                }
                Button {
                    height: Theme.touch
                    width: Theme.touch
                    text: "▶"
                    enabled: pdfView.currentPage < document.pageCount - 1
                    onClicked: pdfView.goToPage(pdfView.currentPage + 1)
                }
                TextField {
                    id: searchField
                    objectName: "pdfSearchField"
                    width: Math.min(240, viewer.width - 2 * Theme.spacing)
                    height: Theme.touch
                    placeholderText: qsTr("Tìm trong báo cáo")
                    onAccepted: pdfView.searchForward()
                }
                Button {
                    height: Theme.touch
                    width: Theme.touch
                    text: "↑"
                    enabled: searchField.text.length > 0
                    onClicked: pdfView.searchBack()
                }
                Button {
                    height: Theme.touch
                    width: Theme.touch
                    text: "↓"
                    enabled: searchField.text.length > 0
                    onClicked: pdfView.searchForward()
                }
            }
        }

        PdfMultiPageView {
            id: pdfView
            objectName: "pdfView"
            Layout.fillWidth: true
            Layout.fillHeight: true
            // Pages scrolled or zoomed stay under the toolbar, never over it.
            clip: true
            document: document
            searchString: searchField.text
            onWidthChanged: viewer.applyFit()
            onHeightChanged: viewer.applyFit()
            Component.onCompleted: viewer.applyFit()
        }
    }

    onSourceChanged: viewer.fit = "auto"
    Connections {
        target: document
        function onStatusChanged() {
            if (document.status === PdfDocument.Ready)
                viewer.applyFit();
        }
    }
}
