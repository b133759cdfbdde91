pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// The first screen: the server's address, the one-time admission code from the organiser and a
// name for this device; the server decides the role. The address field also takes the
// gopy:// link `gopy-server admit` prints (address, code and the certificate's fingerprint).
Item {
    id: screen

    readonly property bool busy: App.connectionState === App.Connecting
    // What the address field holds, parsed in C++ (server_link.h).
    readonly property var link: App.parseServerLink(addressField.text)

    function submit() {
        if (!connectButton.enabled)
            return;
        App.connectTo(addressField.text.trim());
        App.admit(codeField.text.trim(), deviceField.text.trim());
    }

    // The code is what people type first; the address is usually prefilled by --server.
    Component.onCompleted: (addressField.text.length > 0 ? codeField : addressField).forceActiveFocus()

    Flickable {
        anchors.fill: parent
        contentWidth: width
        contentHeight: Math.max(height, form.implicitHeight + 2 * Theme.spacing * 4)
        clip: true

        Pane {
            id: form
            anchors.horizontalCenter: parent.horizontalCenter
            y: Math.max(Theme.spacing * 2, (screen.height - implicitHeight) / 3)
            width: Math.min(560, screen.width - 2 * Theme.spacing)
            padding: Theme.spacing * 2
            Material.elevation: 2
            Material.background: Theme.paper

            ColumnLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                spacing: Theme.spacing

                Label {
                    Layout.fillWidth: true
                    text: qsTr("Kết nối với máy chủ hội nghị")
                    font.pixelSize: Theme.titleFont
                    font.bold: true
                    wrapMode: Text.Wrap
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("Nhập địa chỉ máy chủ và mã cấp quyền do văn phòng cung cấp. Mã chỉ dùng được một lần.")
                    wrapMode: Text.Wrap
                    color: Theme.muted
                }
                Label {
                    text: qsTr("Địa chỉ máy chủ")
                }
                TextField {
                    id: addressField
                    objectName: "addressField"
                    Layout.fillWidth: true
                    text: App.serverAddress
                    placeholderText: qsTr("ví dụ 192.168.1.10:8080, hoặc dán liên kết gopy://")
                    inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhUrlCharactersOnly
                    onAccepted: codeField.forceActiveFocus()
                    // A pasted link brings its code along (parsed here: screen.link may not
                    // have followed this change yet).
                    onTextChanged: {
                        const pasted = App.parseServerLink(text);
                        if (pasted.valid && pasted.code.length > 0)
                            codeField.text = pasted.code;
                    }
                }
                Label {
                    objectName: "linkFingerprint"
                    Layout.fillWidth: true
                    visible: screen.link.valid && screen.link.fingerprint.length > 0
                    text: qsTr("Liên kết có dấu vân tay máy chủ %1: thiết bị chỉ kết nối với đúng máy chủ này.")
                              .arg(screen.link.shortFingerprint)
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.muted
                }
                Label {
                    text: qsTr("Mã cấp quyền")
                }
                TextField {
                    id: codeField
                    objectName: "codeField"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Mã gồm chữ và số")
                    font.pixelSize: Theme.titleFont
                    font.letterSpacing: 2
                    inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase
                    onAccepted: deviceField.forceActiveFocus()
                    // The whole gopy:// link pasted here instead of in the address field: it goes
                    // there (which takes its address, fingerprint and code). Only a paste, a
                    // change of several characters at once: a link typed by hand is left alone.
                    property int lastLength: 0
                    onTextChanged: {
                        const grew = text.length - lastLength > 1;
                        lastLength = text.length;
                        const pasted = text.trim();
                        if (grew && pasted.toLowerCase().startsWith("gopy://")
                                && App.parseServerLink(pasted).valid)
                            addressField.text = pasted;
                    }
                }
                Label {
                    text: qsTr("Tên thiết bị")
                }
                TextField {
                    id: deviceField
                    objectName: "deviceField"
                    Layout.fillWidth: true
                    text: App.deviceName
                    placeholderText: qsTr("ví dụ Máy tính bảng thư ký 1")
                    onAccepted: screen.submit()
                }
                Button {
                    id: connectButton
                    objectName: "connectButton"
                    Layout.fillWidth: true
                    Layout.minimumHeight: Theme.touch
                    text: qsTr("Kết nối")
                    highlighted: true
                    // Stays enabled while connecting: a wrong address can be corrected and retried.
                    enabled: addressField.text.trim().length > 0
                             && codeField.text.trim().length > 0 && deviceField.text.trim().length > 0
                    onClicked: screen.submit()
                }
                RowLayout {
                    objectName: "connectingRow"
                    Layout.fillWidth: true
                    visible: screen.busy
                    spacing: Theme.spacing
                    BusyIndicator {
                        running: screen.busy
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Đang kết nối tới %1… Nếu chờ lâu, hãy kiểm tra địa chỉ và mạng Wi-Fi của hội trường.")
                                  .arg(App.serverAddress)
                        textFormat: Text.PlainText
                        wrapMode: Text.Wrap
                        color: Theme.muted
                    }
                }
                Label {
                    objectName: "connectError"
                    Layout.fillWidth: true
                    visible: App.lastError.length > 0
                    text: App.lastError
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    color: Theme.bad
                }
            }
        }
    }
}
