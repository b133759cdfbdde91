pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material

// A card with tabs over a stack of pages: `titles` names the tabs, the children are the pages.
Pane {
    id: tabbed

    property var titles: []
    property alias currentIndex: tabs.currentIndex
    default property alias pages: stack.data

    padding: 0
    Material.background: Theme.paper
    Material.elevation: 1

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        TabBar {
            id: tabs
            Layout.fillWidth: true
            Repeater {
                // By count, not by the titles themselves: a new title (a count in it) must not
                // rebuild the tabs, which would put the panel back on its first tab.
                model: tabbed.titles.length
                delegate: TabButton {
                    // "<panel>/<index>", for tests that tap a tab.
                    objectName: tabbed.objectName + "/" + index
                    required property int index
                    text: tabbed.titles[index] ?? ""
                    implicitHeight: Theme.touch
                }
            }
        }
        StackLayout {
            id: stack
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex
        }
    }
}
