pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import QtQuick.Templates as T
import GopY

// The header bar: connection state with the number of unsent changes, the conference and the
// role, always visible; the last error underneath when there is one.
ToolBar {
    id: bar

    readonly property string stateText: App.connectionState === App.Connected ? qsTr("Đã kết nối")
        : App.connectionState === App.Reconnecting ? qsTr("Đang kết nối lại")
        : App.connectionState === App.Connecting ? qsTr("Đang kết nối")
        : App.connectionState === App.NeedsAdmission ? qsTr("Chưa được cấp quyền")
        : qsTr("Mất kết nối")
    readonly property string unsentText: App.unsentCount > 0
        ? qsTr("%n thay đổi chưa gửi", "", App.unsentCount) : ""
    readonly property string fullStateText: unsentText.length > 0
        ? qsTr("%1 — %2").arg(stateText).arg(unsentText) : stateText
    readonly property color stateColor: App.connectionState === App.Connected ? Theme.ok
        : App.connectionState === App.Offline ? Theme.bad : Theme.warn
    readonly property string roleText: App.role === "secretary" ? qsTr("Thư ký")
        : App.role === "chair" ? qsTr("Chủ trì")
        : App.role === "delegate" ? qsTr("Đại biểu") : ""

    Material.background: Theme.paper
    Material.foreground: Theme.ink

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacing
            Layout.rightMargin: Theme.spacing / 2
            Layout.minimumHeight: Theme.touch
            spacing: Theme.spacing

            Rectangle {
                objectName: "stateDot"
                implicitWidth: 14
                implicitHeight: 14
                radius: 7
                color: bar.stateColor
            }
            Label {
                objectName: "connectionStateLabel"
                text: bar.fullStateText
                color: bar.stateColor
                font.bold: true
            }
            Label {
                objectName: "conferenceLabel"
                Layout.fillWidth: true
                text: App.conferenceTitle
                textFormat: Text.PlainText
                elide: Text.ElideRight
                color: Theme.muted
            }
            Label {
                objectName: "roleLabel"
                visible: bar.roleText.length > 0
                text: App.deviceName.length > 0 ? qsTr("%1 · %2").arg(bar.roleText).arg(App.deviceName)
                                                : bar.roleText
                textFormat: Text.PlainText
                font.bold: true
            }
            ToolButton {
                objectName: "menuButton"
                text: "⋮"
                font.pixelSize: Theme.titleFont
                implicitWidth: Theme.touch
                implicitHeight: Theme.touch
                visible: App.role.length > 0
                onClicked: menu.open()

                Menu {
                    id: menu
                    y: parent.height
                    // Wide enough for the fingerprint and the longest item; kept on screen.
                    width: Math.min(520, bar.width - Theme.spacing)
                    margins: Theme.spacing / 2
                    MenuItem {
                        objectName: "fingerprintItem"
                        enabled: false
                        text: App.secureConnection
                              ? qsTr("Dấu vân tay máy chủ: %1").arg(App.serverFingerprint.length > 0 ? App.serverFingerprint : qsTr("chưa có"))
                              : qsTr("Kết nối KHÔNG mã hóa (máy chủ thử nghiệm)")
                    }
                    MenuItem {
                        text: qsTr("Quên thiết bị này (cần mã mới)")
                        onTriggered: forgetDialog.open()
                    }
                }
            }
        }

        Rectangle {
            objectName: "errorBanner"
            Layout.fillWidth: true
            visible: App.lastError.length > 0
            implicitHeight: errorText.implicitHeight + Theme.spacing
            color: "#fdecea"
            Label {
                id: errorText
                anchors.fill: parent
                anchors.margins: Theme.spacing / 2
                anchors.leftMargin: Theme.spacing
                verticalAlignment: Text.AlignVCenter
                text: App.lastError
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                color: Theme.bad
            }
        }
    }

    Dialog {
        id: forgetDialog
        parent: T.Overlay.overlay
        anchors.centerIn: parent
        modal: true
        title: qsTr("Quên thiết bị này?")
        standardButtons: Dialog.Yes | Dialog.No
        Label {
            width: Math.min(480, Window.width - 96)
            wrapMode: Text.Wrap
            text: qsTr("Thiết bị sẽ phải nhập mã cấp quyền mới để kết nối lại. Các thay đổi chưa gửi vẫn được giữ trên máy.")
        }
        onAccepted: App.forgetDevice()
    }
}
