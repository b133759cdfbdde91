pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// The grassroots Party organisations of the campaign (App.organisations): each with its due date
// and whether its congress's report was sent (when) or is late, marked by colour and words.
ListView {
    id: list

    clip: true
    spacing: 4
    model: App.organisations
    ScrollBar.vertical: ScrollBar {}

    delegate: Rectangle {
        id: row

        required property int organisationId
        required property string name
        required property string due
        required property bool reported
        required property string reportedAt
        required property bool late
        required property string statusLabel

        objectName: "organisation_" + organisationId
        width: ListView.view.width
        implicitHeight: grid.implicitHeight + Theme.spacing
        radius: Theme.radius
        color: late ? "#fdecea" : Theme.paper
        border.color: late ? Theme.bad : Theme.line
        border.width: late ? 2 : 1

        GridLayout {
            id: grid
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing
            // Narrow screens put the badge under the name instead of beside it.
            columns: list.width < 560 ? 1 : 2
            columnSpacing: Theme.spacing
            rowSpacing: 2

            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Label {
                    objectName: "organisationName"
                    Layout.fillWidth: true
                    text: row.name
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    font.bold: row.late
                }
                Label {
                    objectName: "organisationWhen"
                    Layout.fillWidth: true
                    text: row.reported && row.reportedAt.length > 0
                          ? qsTr("Đã gửi lúc %1 · hạn %2").arg(row.reportedAt).arg(row.due)
                          : qsTr("Hạn gửi: %1").arg(row.due)
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallFont
                    color: row.late ? Theme.bad : Theme.muted
                }
            }
            DashboardStatusBadge {
                objectName: "organisationStatus"
                Layout.alignment: list.width < 560 ? Qt.AlignLeft : Qt.AlignRight | Qt.AlignVCenter
                status: row.reported ? "done" : row.late ? "late" : "due"
                label: row.statusLabel
            }
        }
    }

    Label {
        anchors.centerIn: parent
        width: parent.width - 2 * Theme.spacing
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        visible: list.count === 0
        text: qsTr("Chưa có tổ chức cơ sở đảng nào trong danh sách.")
        color: Theme.muted
    }
}
