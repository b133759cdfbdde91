pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// The dated items of the plan (App.deadlines, in the plan's order): what, when, its state as a
// badge (colour, sign and words) and, where the core counts it, the progress k/n with a bar.
ListView {
    id: list

    // Words after "k/n" for the items the plan counts.
    function unitOf(key: string): string {
        if (key === "conferences")
            return qsTr("hội nghị đã kết thúc");
        if (key === "grassroots")
            return qsTr("tổ chức đã gửi báo cáo");
        return "";
    }

    clip: true
    spacing: Theme.spacing / 2
    model: App.deadlines
    ScrollBar.vertical: ScrollBar {}

    delegate: Rectangle {
        id: row

        required property int index
        required property string key
        required property string label
        required property string from
        required property string due
        required property string status
        required property string statusLabel
        required property int done
        required property int total

        objectName: "deadline_" + key
        width: ListView.view.width
        implicitHeight: column.implicitHeight + 2 * Theme.spacing
        radius: Theme.radius
        color: status === "late" ? "#fdecea" : Theme.paper
        border.color: status === "late" ? Theme.bad : Theme.line
        border.width: status === "late" ? 2 : 1

        // The state's colour as a strip on the left edge, in addition to the badge.
        Rectangle {
            anchors.left: parent.left
            anchors.top: parent.top
            anchors.bottom: parent.bottom
            width: 6
            radius: Theme.radius
            color: row.status === "done" ? Theme.ok : row.status === "late" ? Theme.bad : Theme.warn
        }

        ColumnLayout {
            id: column
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.margins: Theme.spacing
            anchors.leftMargin: Theme.spacing + 6
            spacing: 4

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Label {
                    objectName: "deadlineLabel"
                    Layout.fillWidth: true
                    text: row.label
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    font.bold: true
                }
                DashboardStatusBadge {
                    objectName: "deadlineStatus"
                    status: row.status
                    label: row.statusLabel
                }
            }
            Label {
                objectName: "deadlineDates"
                Layout.fillWidth: true
                text: row.from.length > 0 ? qsTr("Từ %1 đến hết %2").arg(row.from).arg(row.due)
                                          : qsTr("Hạn: hết ngày %1").arg(row.due)
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: row.status === "late" ? Theme.bad : Theme.muted
            }
            RowLayout {
                Layout.fillWidth: true
                visible: row.total > 0
                spacing: Theme.spacing
                Label {
                    objectName: "deadlineProgress"
                    text: list.unitOf(row.key).length > 0
                          ? qsTr("%1/%2 %3").arg(row.done).arg(row.total).arg(list.unitOf(row.key))
                          : qsTr("%1/%2").arg(row.done).arg(row.total)
                    textFormat: Text.PlainText
                    font.bold: true
                }
                ProgressBar {
                    Layout.fillWidth: true
                    Layout.minimumWidth: 80
                    from: 0
                    to: Math.max(1, row.total)
                    value: row.done
                    Material.accent: row.status === "late" ? Theme.bad : Theme.ok
                }
            }
        }
    }

    Label {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.spacing
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        visible: list.count === 0
        text: App.connectionState === App.Connected ? qsTr("Đang tải các mốc thời gian…")
                                                    : qsTr("Chưa có dữ liệu: cần kết nối máy chủ.")
        color: Theme.muted
    }
}
