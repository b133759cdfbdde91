pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// The drafting team's outline: "Tất cả ý kiến", "Chưa phân mục" and every draft section with
// its comments from every channel (total / not answered yet). Choosing one narrows the work list.
Pane {
    id: outlinePane

    signal chosen(string code)

    padding: 0
    Material.background: Theme.paper
    Material.elevation: 1

    component Entry: ItemDelegate {
        id: entry
        property string code
        property string caption
        property int total
        property int pending
        property int level: 1
        property bool strong: false
        objectName: "outline_" + code
        width: ListView.view ? ListView.view.width : implicitWidth
        implicitHeight: Math.max(Theme.touch, row.implicitHeight + 12)
        leftPadding: Theme.spacing + Math.max(0, level - 1) * 20
        highlighted: App.drafting.section === code
        onClicked: {
            App.drafting.setSection(code);
            outlinePane.chosen(code);
        }
        contentItem: RowLayout {
            id: row
            spacing: Theme.spacing / 2
            Label {
                Layout.fillWidth: true
                text: entry.caption
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                font.bold: entry.strong || entry.level <= 1
            }
            Label {
                objectName: "counts_" + entry.code
                text: entry.pending > 0 ? qsTr("%1 / %2").arg(entry.total).arg(entry.pending) : entry.total
                color: entry.pending > 0 ? Theme.warn : Theme.muted
                font.pixelSize: Theme.smallFont
                font.bold: entry.pending > 0
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Label {
            Layout.fillWidth: true
            Layout.margins: Theme.spacing
            text: qsTr("Mục dự thảo — số ý kiến / chưa trả lời")
            font.bold: true
            wrapMode: Text.Wrap
        }
        Entry {
            Layout.fillWidth: true
            code: ""
            caption: qsTr("Tất cả ý kiến")
            total: App.drafting.totalCount
            pending: App.drafting.pendingCount
            strong: true
        }
        Entry {
            objectName: "unassignedEntry"
            Layout.fillWidth: true
            code: "__unassigned"
            caption: qsTr("Chưa phân mục")
            total: App.drafting.unassignedCount
            pending: 0
            strong: true
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: Theme.line
        }
        ListView {
            id: sections
            objectName: "draftingOutlineList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: App.drafting.sectionCounts
            ScrollBar.vertical: ScrollBar {}
            delegate: Entry {
                required code
                required level
                required total
                required pending
                required property string label
                caption: label
            }
        }
    }
}
