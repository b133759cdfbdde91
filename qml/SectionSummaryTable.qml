pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// Counts of comments per draft section and kind, in draft order, and per delegate group.
Item {
    id: summary

    property int fontSize: Theme.fontSize
    property var groups: App.sectionSummary.groupCounts()

    function refreshGroups() {
        groups = App.sectionSummary.groupCounts();
    }

    Connections {
        target: App.sectionSummary
        function onModelReset() { summary.refreshGroups(); }
        function onRowsInserted() { summary.refreshGroups(); }
        function onRowsRemoved() { summary.refreshGroups(); }
        function onDataChanged() { summary.refreshGroups(); }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing / 2
        spacing: Theme.spacing / 2

        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing
            visible: summary.groups.length > 0
            Label {
                text: qsTr("Theo nhóm:")
                font.bold: true
                font.pixelSize: summary.fontSize
            }
            Repeater {
                model: summary.groups
                delegate: Label {
                    required property var modelData
                    text: qsTr("%1: %2").arg(modelData.group.length > 0 ? modelData.group : qsTr("Khác"))
                                        .arg(modelData.count)
                    textFormat: Text.PlainText
                    font.pixelSize: summary.fontSize
                }
            }
        }

        ListView {
            id: list
            objectName: "sectionSummaryList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: App.sectionSummary
            ScrollBar.vertical: ScrollBar {}

            delegate: Rectangle {
                id: row
                required property string label
                required property string title
                required property int total
                required property int agreement
                required property int addition
                required property int amendment
                required property int deletion
                required property int recommendation
                required property int other

                readonly property string kinds: [
                    agreement > 0 ? qsTr("đồng tình %1").arg(agreement) : "",
                    addition > 0 ? qsTr("bổ sung %1").arg(addition) : "",
                    amendment > 0 ? qsTr("sửa đổi %1").arg(amendment) : "",
                    deletion > 0 ? qsTr("đề nghị bỏ %1").arg(deletion) : "",
                    recommendation > 0 ? qsTr("kiến nghị %1").arg(recommendation) : "",
                    other > 0 ? qsTr("khác %1").arg(other) : ""
                ].filter(s => s.length > 0).join(" · ")

                width: ListView.view.width
                implicitHeight: rowLayout.implicitHeight + Theme.spacing
                color: Theme.paper
                radius: Theme.radius
                border.color: Theme.line

                RowLayout {
                    id: rowLayout
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
                            text: row.label  // already "II.3 — title" (Outline::label)
                            textFormat: Text.PlainText
                            font.bold: true
                            font.pixelSize: summary.fontSize
                            wrapMode: Text.Wrap
                        }
                        Label {
                            Layout.fillWidth: true
                            text: row.kinds
                            textFormat: Text.PlainText
                            font.pixelSize: Math.max(Theme.smallFont, summary.fontSize - 2)
                            color: Theme.muted
                            wrapMode: Text.Wrap
                        }
                    }
                    Label {
                        objectName: "sectionTotal"
                        text: row.total
                        font.pixelSize: summary.fontSize + 6
                        font.bold: true
                        color: Theme.primary
                    }
                }
            }

            Label {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacing
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                visible: list.count === 0
                text: qsTr("Chưa có ý kiến nào.")
                color: Theme.muted
                font.pixelSize: summary.fontSize
            }
        }
    }
}
