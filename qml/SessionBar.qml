pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import QtQuick.Templates as T
import GopY

// The conference picker with the session's state, clock and head count; secretaries also get
// the start and end buttons. Secretaries and the chair (`canRelease`) get "Phát hành cho đại
// biểu" once the session's synthesis is written and not yet released, with a confirmation.
Pane {
    id: sessionBar

    property bool canControl: false
    property bool canRelease: false
    readonly property bool releasable: canRelease && App.releasableReportId > 0
    readonly property bool wide: width >= 900
    readonly property bool inSession: App.conferenceState === "in_session"
    readonly property string stateText: App.conferenceState === "in_session" ? qsTr("Đang họp")
        : App.conferenceState === "concluded" ? qsTr("Đã kết thúc")
        : App.conferenceState === "planned" ? qsTr("Chưa bắt đầu") : ""

    padding: Theme.spacing / 2
    leftPadding: Theme.spacing
    rightPadding: Theme.spacing
    Material.background: Theme.paper
    Material.elevation: 1

    GridLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        // Wide: one row. Tablet: the picker on its own row, state and buttons on the next.
        // Narrow: two columns.
        columns: (sessionBar.wide ? 5 : sessionBar.width < 640 ? 2 : 4) + (sessionBar.releasable ? 1 : 0)
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing / 2

        ComboBox {
            id: conferencePicker
            objectName: "conferencePicker"
            Layout.fillWidth: true
            Layout.columnSpan: sessionBar.wide ? 1 : (sessionBar.width < 640 ? 2 : 4) + (sessionBar.releasable ? 1 : 0)
            Layout.minimumHeight: Theme.touch
            model: App.conferences
            textRole: "title"
            valueRole: "conferenceId"
            displayText: currentIndex < 0 ? qsTr("Chọn hội nghị…") : currentText
            currentIndex: indexOfValue(App.conferenceId)
            onActivated: App.selectConference(currentValue)
            // Titles are long: show them whole, wrapped, in the list.
            delegate: ItemDelegate {
                id: option
                objectName: "conferenceOption"
                required property int index
                required property int conferenceId
                required property string title
                width: ListView.view.width
                implicitHeight: Math.max(Theme.touch, implicitContentHeight + topPadding + bottomPadding)
                highlighted: conferencePicker.highlightedIndex === index
                contentItem: Label {
                    text: option.title
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    font.bold: conferencePicker.currentIndex === option.index
                }
            }

            Connections {
                target: App
                function onConferenceIdChanged() {
                    conferencePicker.currentIndex = conferencePicker.indexOfValue(App.conferenceId);
                }
            }
        }
        Label {
            objectName: "sessionStateLabel"
            text: sessionBar.inSession && App.sessionStartedAt > 0
                  ? qsTr("%1 · %2").arg(sessionBar.stateText)
                                   .arg(Theme.duration((Clock.now - App.sessionStartedAt) / 1000))
                  : sessionBar.stateText
            color: sessionBar.inSession ? Theme.ok : Theme.muted
            font.bold: sessionBar.inSession
        }
        Label {
            objectName: "presentLabel"
            text: qsTr("Có mặt: %1").arg(App.presentCount)
        }
        Button {
            objectName: "startSessionButton"
            visible: sessionBar.canControl
            Layout.minimumHeight: Theme.touch
            text: qsTr("Bắt đầu phiên họp")
            enabled: App.conferenceId > 0 && App.conferenceState === "planned"
            highlighted: enabled
            onClicked: App.startSession()
        }
        Button {
            objectName: "endSessionButton"
            visible: sessionBar.canControl
            Layout.minimumHeight: Theme.touch
            text: qsTr("Kết thúc phiên họp")
            enabled: sessionBar.inSession
            onClicked: endDialog.open()
        }
        Button {
            objectName: "releaseReportButton"
            visible: sessionBar.releasable
            Layout.minimumHeight: Theme.touch
            text: qsTr("Phát hành cho đại biểu")
            highlighted: true
            onClicked: releaseDialog.open()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Báo cáo tổng hợp phiên bản %1 chưa được phát hành")
                              .arg(App.releasableReportVersion)
        }
    }

    Dialog {
        id: releaseDialog
        objectName: "releaseDialog"
        // The version asked about; a newer one arriving meanwhile is not released unseen.
        property int reportId: 0
        property int version: 0
        parent: T.Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(640, parent ? parent.width - 64 : 640)
        modal: true
        title: qsTr("Phát hành báo cáo tổng hợp cho đại biểu?")
        standardButtons: Dialog.Ok | Dialog.Cancel
        Component.onCompleted: {
            const confirm = standardButton(Dialog.Ok);
            confirm.text = qsTr("Phát hành");
            confirm.objectName = "confirmReleaseButton";
            const cancel = standardButton(Dialog.Cancel);
            cancel.text = qsTr("Huỷ");
            cancel.objectName = "cancelReleaseButton";
        }
        onAboutToShow: {
            reportId = App.releasableReportId;
            version = App.releasableReportVersion;
        }
        Label {
            width: releaseDialog.availableWidth
            wrapMode: Text.Wrap
            text: qsTr("Báo cáo tổng hợp của %1 (phiên bản %2) sẽ hiện trên thiết bị của mọi đại biểu "
                       + "hội nghị và không thu hồi được.").arg(App.conferenceTitle).arg(releaseDialog.version)
            textFormat: Text.PlainText
        }
        onAccepted: App.releaseReport(reportId)
    }

    Dialog {
        id: endDialog
        objectName: "endSessionDialog"
        parent: T.Overlay.overlay
        anchors.centerIn: parent
        modal: true
        title: qsTr("Kết thúc phiên họp?")
        standardButtons: Dialog.Yes | Dialog.No
        Component.onCompleted: {
            standardButton(Dialog.Yes).text = qsTr("Kết thúc phiên họp");
            standardButton(Dialog.No).text = qsTr("Huỷ");
        }
        Label {
            width: Math.min(480, Window.width - 96)
            wrapMode: Text.Wrap
            text: qsTr("Sau khi kết thúc, báo cáo tổng hợp của hội nghị sẽ được lập.")
        }
        onAccepted: App.endSession()
    }
}
