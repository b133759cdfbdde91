pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// The delegate's view: the released synthesis reports (download, then read in the PDF viewer);
// until a report is released, what was recorded of the delegate's own words.
Item {
    id: view

    property bool portrait: false
    property string openPath: ""
    property string openTitle: ""
    property url openUrl

    Connections {
        target: App
        function onReportReady(reportId: int, localPath: string) {
            view.openTitle = qsTr("Báo cáo số %1").arg(reportId);
            view.openPath = localPath;
            view.openUrl = "file://" + localPath;
        }
    }

    ReportViewer {
        objectName: "reportViewer"
        anchors.fill: parent
        visible: view.openPath.length > 0
        source: view.openUrl
        title: view.openTitle
        onCloseRequested: view.openPath = ""
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing
        visible: view.openPath.length === 0

        Label {
            Layout.fillWidth: true
            text: App.conferenceTitle.length > 0 ? App.conferenceTitle : App.campaignTitle
            textFormat: Text.PlainText
            font.pixelSize: Theme.titleFont
            font.bold: true
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            visible: App.conferenceDate.length > 0 || App.conferencePlace.length > 0
            text: [App.conferenceDate, App.conferencePlace].filter(s => s.length > 0).join(" · ")
            textFormat: Text.PlainText
            color: Theme.muted
        }

        Label {
            text: qsTr("Báo cáo tổng hợp đã phát hành")
            font.bold: true
            visible: reportList.count > 0
        }
        ListView {
            id: reportList
            objectName: "reportList"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, view.height * 0.4)
            visible: count > 0
            clip: true
            spacing: 6
            model: App.reports
            delegate: Rectangle {
                id: report
                required property int reportId
                required property int version
                required property double createdAt
                required property string localPath
                required property url localUrl
                required property string sha256

                width: ListView.view.width
                implicitHeight: reportRow.implicitHeight + Theme.spacing
                radius: Theme.radius
                color: Theme.paper
                border.color: Theme.line

                RowLayout {
                    id: reportRow
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.margins: Theme.spacing / 2
                    spacing: Theme.spacing
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("Báo cáo tổng hợp ý kiến — bản %1").arg(report.version)
                            font.bold: true
                            wrapMode: Text.Wrap
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("Lập lúc %1 · SHA-256 %2…").arg(Qt.formatDateTime(new Date(report.createdAt), "dd/MM/yyyy HH:mm")).arg(report.sha256.substring(0, 12))
                            textFormat: Text.PlainText
                            font.pixelSize: Theme.smallFont
                            color: Theme.muted
                            elide: Text.ElideRight
                        }
                    }
                    Button {
                        objectName: "downloadReportButton"
                        Layout.minimumHeight: Theme.touch
                        visible: report.localPath.length === 0
                        text: qsTr("Tải về")
                        highlighted: true
                        onClicked: App.downloadReport(report.reportId)
                    }
                    Button {
                        objectName: "openReportButton"
                        Layout.minimumHeight: Theme.touch
                        visible: report.localPath.length > 0
                        text: qsTr("Mở")
                        highlighted: true
                        onClicked: {
                            view.openTitle = qsTr("Báo cáo tổng hợp ý kiến — bản %1").arg(report.version);
                            view.openPath = report.localPath;
                            view.openUrl = report.localUrl;
                        }
                    }
                }
            }
        }

        Label {
            Layout.fillWidth: true
            visible: reportList.count === 0
            text: qsTr("Báo cáo tổng hợp chưa được phát hành. Dưới đây là những ý kiến của đồng chí đã được ghi nhận.")
            wrapMode: Text.Wrap
            color: Theme.muted
        }
        ListView {
            id: ownComments
            objectName: "ownCommentList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: reportList.count === 0
            clip: true
            spacing: 6
            model: App.comments
            ScrollBar.vertical: ScrollBar {}
            section.property: "sectionLabel"
            section.criteria: ViewSection.FullString
            section.delegate: SectionHeader {}
            delegate: CommentCard {
                required property var model
                width: ListView.view.width
                speakerName: model.speakerName
                speakerTitle: model.speakerTitle
                kindLabel: model.kindLabel
                sectionLabel: model.sectionLabel
                sections: model.sections
                paragraph: model.paragraph
                text: model.text
                proposedWording: model.proposedWording
                proposedLocation: model.proposedLocation
                written: model.written
            }
            Label {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacing
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                visible: ownComments.count === 0
                text: qsTr("Chưa có ý kiến nào của đồng chí được ghi nhận.")
                color: Theme.muted
            }
        }
        // With the report list alone the column keeps it at the top instead of spreading the
        // title, the date and the list over the whole height.
        Item {
            Layout.fillHeight: true
            visible: reportList.count > 0
        }
    }
}
