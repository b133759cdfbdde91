pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// Attendance: tick the delegates present (folding search over the list) or enter a head count.
Item {
    id: panel

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing / 2
        spacing: Theme.spacing / 2

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                text: qsTr("Số người có mặt")
            }
            SpinBox {
                id: headCount
                objectName: "headCountSpinBox"
                Layout.minimumHeight: Theme.touch
                from: 0
                to: 2000
                editable: true
                value: App.presentCount
                onValueModified: App.setHeadCount(value)
            }
        }
        TextField {
            id: search
            objectName: "attendanceSearch"
            Layout.fillWidth: true
            placeholderText: qsTr("Tìm đại biểu (gõ không dấu cũng được)")
            onTextEdited: App.participants.setFilter(text)
        }
        ListView {
            id: list
            objectName: "attendanceList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: App.participants
            ScrollBar.vertical: ScrollBar {}
            delegate: CheckDelegate {
                id: row
                required property string participantId
                required property string fullName
                required property string title
                required property string organisation
                required property bool present
                width: ListView.view.width
                implicitHeight: Math.max(Theme.touch + 8, contentItem.implicitHeight + 16)
                checked: present
                onToggled: App.setPresent(participantId, checked)
                contentItem: ColumnLayout {
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        text: row.fullName
                        textFormat: Text.PlainText
                        font.bold: true
                        elide: Text.ElideRight
                        rightPadding: row.indicator.width + row.spacing
                    }
                    Label {
                        Layout.fillWidth: true
                        text: [row.title, row.organisation].filter(s => s.length > 0).join(" · ")
                        textFormat: Text.PlainText
                        visible: text.length > 0
                        font.pixelSize: Theme.smallFont
                        color: Theme.muted
                        wrapMode: Text.Wrap
                        rightPadding: row.indicator.width + row.spacing
                    }
                }
            }
            Label {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacing
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                visible: list.count === 0
                text: search.text.length > 0 ? qsTr("Không tìm thấy đại biểu nào.")
                                             : qsTr("Chưa có danh sách đại biểu.")
                color: Theme.muted
            }
        }
    }
}
