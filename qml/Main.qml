// No "pragma ComponentBehavior: Bound" here: Qt 6.4's Loader instantiates components in a child
// context, which bound components refuse ("outside its creation context").

import QtQuick
import QtQuick.Window
import QtQuick.Controls.Material
import GopY

// The window of gopy-client: the connection bar on top, then the admission screen until the
// device holds a token, then the view of the device's role.
ApplicationWindow {
    id: window

    readonly property bool admitted: App.connectionState !== App.NeedsAdmission && App.role.length > 0
    readonly property bool portrait: width < 1100 || height > width

    width: Screen.desktopAvailableWidth > 0 ? Math.min(Screen.desktopAvailableWidth, 1920) : 1280
    height: Screen.desktopAvailableHeight > 0 ? Math.min(Screen.desktopAvailableHeight, 1280) : 800
    minimumWidth: 600
    minimumHeight: 480
    visible: true
    title: App.conferenceTitle.length > 0 ? qsTr("GopY — %1").arg(App.conferenceTitle)
                                          : qsTr("GopY — Góp ý dự thảo văn kiện")
    color: Theme.canvas
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontSize
    Material.theme: Material.Light
    Material.primary: Theme.primary
    Material.accent: Theme.accent

    header: ConnectionBar {
        objectName: "connectionBar"
    }

    Loader {
        id: roleView
        objectName: "roleView"
        anchors.fill: parent
        sourceComponent: !window.admitted ? connectScreen
                         : window.showDashboard || App.role === "organiser" ? dashboardView
                         : App.role === "secretary" ? secretaryConsole
                         : App.role === "chair" ? chairView
                         : App.role === "drafting" ? draftingDesk
                         : App.role === "grassroots" ? grassrootsDesk
                         : delegateView
    }

    // The chair (and the drafting team) open the campaign's progress over their own view.
    property bool showDashboard: false
    readonly property bool mayOpenDashboard: window.admitted && (App.role === "chair" || App.role === "drafting")

    RoundButton {
        objectName: "dashboardButton"
        visible: window.mayOpenDashboard && !window.showDashboard
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing
        width: implicitWidth
        height: Theme.touch + 8
        padding: Theme.spacing
        text: qsTr("Tiến độ")
        highlighted: true
        onClicked: window.showDashboard = true
    }
    Shortcut {
        sequence: "Ctrl+D"
        enabled: window.mayOpenDashboard
        onActivated: window.showDashboard = !window.showDashboard
    }

    Component {
        id: connectScreen
        ConnectScreen {
            objectName: "connectScreen"
        }
    }
    Component {
        id: secretaryConsole
        SecretaryConsole {
            objectName: "secretaryConsole"
            portrait: window.portrait
        }
    }
    Component {
        id: chairView
        ChairView {
            objectName: "chairView"
            portrait: window.portrait
        }
    }
    Component {
        id: draftingDesk
        DraftingDesk {
            objectName: "draftingDesk"
            portrait: window.portrait
        }
    }
    Component {
        id: grassrootsDesk
        GrassrootsDesk {
            objectName: "grassrootsDesk"
            portrait: window.portrait
        }
    }
    Component {
        id: dashboardView
        DashboardView {
            objectName: "dashboardView"
            portrait: window.portrait
            closable: App.role !== "organiser"
            onCloseRequested: window.showDashboard = false
        }
    }
    Component {
        id: delegateView
        DelegateView {
            objectName: "delegateView"
            portrait: window.portrait
        }
    }
}
