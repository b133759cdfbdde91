pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// The campaign's progress against the plan, for the organiser, the chair and the drafting team:
// the plan's dates (conferences in quarters I–II, the public window, the grassroots reports, the
// synthesis before 01/7/2025) marked done / due / late, and which grassroots organisations have
// sent their report and which are late. "Làm mới" asks the server again.
Item {
    id: dashboard

    property bool portrait: false
    // Shown with a "Đóng" button when opened over another view.
    property bool closable: false

    signal closeRequested

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Pane {
            objectName: "dashboardHeader"
            Layout.fillWidth: true
            padding: Theme.spacing / 2
            leftPadding: Theme.spacing
            rightPadding: Theme.spacing
            Material.background: Theme.paper
            Material.elevation: 1

            RowLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                spacing: Theme.spacing

                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Tiến độ lấy ý kiến góp ý")
                        font.pixelSize: Theme.titleFont
                        font.bold: true
                        elide: Text.ElideRight
                    }
                    Label {
                        objectName: "dashboardCampaign"
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: App.campaignTitle
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        maximumLineCount: 2
                        elide: Text.ElideRight
                        color: Theme.muted
                        font.pixelSize: Theme.smallFont
                    }
                }
                Label {
                    objectName: "dashboardToday"
                    visible: App.dashboardToday.length > 0
                    text: qsTr("Hôm nay: %1").arg(App.dashboardToday)
                    textFormat: Text.PlainText
                }
                Button {
                    objectName: "refreshDashboardButton"
                    Layout.minimumHeight: Theme.touch
                    text: qsTr("Làm mới")
                    enabled: App.connectionState === App.Connected
                    onClicked: App.refreshDashboard()
                    ToolTip.visible: hovered && !enabled
                    ToolTip.text: qsTr("Cần kết nối máy chủ")
                }
                Button {
                    objectName: "closeDashboardButton"
                    Layout.minimumHeight: Theme.touch
                    visible: dashboard.closable
                    text: qsTr("Đóng")
                    flat: true
                    onClicked: dashboard.closeRequested()
                }
            }
        }

        GridLayout {
            id: grid
            // Two equal columns: the lists' wrapped labels must not claim the width.
            readonly property real half: (width - columnSpacing) / 2
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.spacing / 2
            columns: dashboard.portrait ? 1 : 2
            columnSpacing: Theme.spacing / 2
            rowSpacing: Theme.spacing / 2

            Pane {
                objectName: "deadlinesPanel"
                // Explicit cells: GridLayout does not re-flow when only `columns` changes.
                Layout.row: 0
                Layout.column: 0
                Layout.fillWidth: true
                // Portrait: as tall as its four or so items, the organisations get the rest.
                Layout.fillHeight: !dashboard.portrait
                Layout.preferredWidth: dashboard.portrait ? grid.width : grid.half
                Layout.maximumWidth: dashboard.portrait ? grid.width : grid.half
                Layout.preferredHeight: dashboard.portrait
                    ? Math.min(grid.height * 0.55, deadlinesTitle.implicitHeight + deadlines.contentHeight
                               + Theme.spacing * 2)
                    : -1
                padding: Theme.spacing / 2
                Material.background: Theme.paper
                Material.elevation: 1

                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacing / 2
                    Label {
                        id: deadlinesTitle
                        Layout.fillWidth: true
                        text: qsTr("Các mốc thời gian theo Kế hoạch")
                        font.bold: true
                        color: Theme.primary
                        wrapMode: Text.Wrap
                    }
                    DeadlineList {
                        id: deadlines
                        objectName: "deadlineList"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                    }
                }
            }

            Pane {
                objectName: "organisationsPanel"
                Layout.row: dashboard.portrait ? 1 : 0
                Layout.column: dashboard.portrait ? 0 : 1
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: dashboard.portrait ? grid.width : grid.half
                Layout.maximumWidth: dashboard.portrait ? grid.width : grid.half
                padding: Theme.spacing / 2
                Material.background: Theme.paper
                Material.elevation: 1

                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacing / 2
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("Tổ chức cơ sở đảng")
                            font.bold: true
                            color: Theme.primary
                            wrapMode: Text.Wrap
                        }
                        Label {
                            objectName: "reportedCountLabel"
                            visible: App.organisationCount > 0
                            text: qsTr("Đã gửi báo cáo: %1/%2").arg(App.reportedCount)
                                                               .arg(App.organisationCount)
                            font.bold: true
                        }
                    }
                    ProgressBar {
                        objectName: "reportedProgress"
                        Layout.fillWidth: true
                        visible: App.organisationCount > 0
                        from: 0
                        to: Math.max(1, App.organisationCount)
                        value: App.reportedCount
                        Material.accent: Theme.ok
                    }
                    OrganisationList {
                        id: organisations
                        objectName: "organisationList"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                    }
                }
            }
        }
    }
}
