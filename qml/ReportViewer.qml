pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import QtQuick.Pdf

// A downloaded synthesis report shown with Qt PDF: zoom, page navigation and search.
Item {
    id: viewer

    property url source
    property string title: ""
    signal closeRequested()
    readonly property alias pageCount: document.pageCount
    readonly property alias status: document.status

    PdfDocument {
        id: document
        source: viewer.source
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Pane {
            Layout.fillWidth: true
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
                    onClicked: pdfView.renderScale = Math.max(0.25, pdfView.renderScale / 1.25)
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
                    onClicked: pdfView.renderScale = Math.min(6, pdfView.renderScale * 1.25)
                }
                Button {
                    objectName: "fitWidthButton"
                    height: Theme.touch
                    text: qsTr("Vừa chiều ngang")
                    onClicked: pdfView.scaleToWidth(pdfView.width, pdfView.height)
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
                    width: 240
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
            document: document
            searchString: searchField.text
        }
    }

    Connections {
        target: document
        function onStatusChanged() {
            if (document.status === PdfDocument.Ready)
                pdfView.scaleToWidth(pdfView.width, pdfView.height);
        }
    }
}
