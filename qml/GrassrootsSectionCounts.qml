pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Material
import GopY

// How many comments the organisation has entered on each draft section (App.sectionSummary,
// counted in the core, draft order), as a line of chips "II.3 · 4".
Flow {
    id: counts

    readonly property alias count: chips.count

    spacing: 6

    Repeater {
        id: chips
        model: App.sectionSummary
        delegate: Label {
            required property string code
            required property string title
            required property int total

            objectName: "sectionCount_" + code
            text: qsTr("%1 · %2").arg(code).arg(total)
            textFormat: Text.PlainText
            font.pixelSize: Theme.smallFont
            font.bold: true
            color: Theme.primary
            topPadding: 4
            bottomPadding: 4
            leftPadding: 10
            rightPadding: 10
            background: Rectangle {
                radius: Theme.radius
                color: Theme.selected
            }
            ToolTip.visible: hover.hovered
            ToolTip.text: qsTr("%1: %2 ý kiến").arg(title).arg(total)

            HoverHandler {
                id: hover
            }
        }
    }
}
