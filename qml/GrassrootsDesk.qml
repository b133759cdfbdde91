import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import QtQuick.Templates as T
import GopY

// The reporter of one grassroots Party organisation (App.organisationName): enters the comments
// its congress aggregated, section by section; sees what is entered so far grouped by draft
// section with counts, each editable and deletable; sends the report ("Gửi báo cáo", confirmed)
// and then sees when it was sent. The due date and whether it is late are always in view.
// Every comment is committed to the device's outbox before it shows (the core does this).
Item {
    id: desk

    property bool portrait: false
    // The organisation's row of App.organisations (due date, sent time), null until it arrives.
    property var ownRow: null
    readonly property string due: ownRow ? ownRow.due : ""
    readonly property bool late: ownRow ? ownRow.late : false
    readonly property string reportedAt: ownRow ? ownRow.reportedAt : ""
    readonly property alias entryForm: form

    // Reads this device's organisation from the dashboard's rows. The rows are updated in
    // place and re-sorted (sent ones last), so it is looked up again after every change.
    function findOwnRow() {
        let found = null;
        for (let i = 0; i < App.organisations.rowCount(); ++i) {
            const row = App.organisations.get(i);
            if (row.organisationId === App.organisationId)
                found = row;
        }
        ownRow = found;
    }

    Component.onCompleted: findOwnRow()
    Connections {
        target: App
        function onDeviceChanged() {
            desk.findOwnRow();
        }
        function onDashboardChanged() {
            desk.findOwnRow();
        }
        function onOrganisationChanged() {
            desk.findOwnRow();
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Pane {
            objectName: "grassrootsHeader"
            Layout.fillWidth: true
            padding: Theme.spacing / 2
            leftPadding: Theme.spacing
            rightPadding: Theme.spacing
            Material.background: Theme.paper
            Material.elevation: 1

            GridLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                columns: desk.portrait ? 1 : 3
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing / 2

                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Label {
                        objectName: "organisationNameLabel"
                        Layout.fillWidth: true
                        text: App.organisationName.length > 0 ? App.organisationName
                                                               : qsTr("Tổ chức cơ sở đảng")
                        textFormat: Text.PlainText
                        font.pixelSize: Theme.titleFont
                        font.bold: true
                        wrapMode: Text.Wrap
                    }
                    Label {
                        objectName: "commentCountLabel"
                        Layout.fillWidth: true
                        text: commentList.count > 0
                              ? qsTr("Ý kiến góp ý vào dự thảo: đã nhập %1 ý kiến").arg(commentList.count)
                              : qsTr("Ý kiến góp ý vào dự thảo: chưa nhập ý kiến nào")
                        textFormat: Text.PlainText
                        color: Theme.muted
                        wrapMode: Text.Wrap
                    }
                }
                DashboardStatusBadge {
                    objectName: "reportStatus"
                    status: App.organisationReported ? "done" : desk.late ? "late" : "due"
                    label: App.organisationReported
                           ? (desk.reportedAt.length > 0 ? qsTr("Đã gửi lúc %1").arg(desk.reportedAt)
                                                         : qsTr("Đã gửi báo cáo"))
                           : desk.late ? qsTr("Quá hạn gửi (hạn %1)").arg(desk.due)
                           : desk.due.length > 0 ? qsTr("Hạn gửi: %1").arg(desk.due)
                           : qsTr("Chưa gửi báo cáo")
                }
                Button {
                    objectName: "sendReportButton"
                    Layout.minimumHeight: Theme.touch
                    visible: !App.organisationReported
                    enabled: commentList.count > 0
                    text: qsTr("Gửi báo cáo")
                    highlighted: true
                    onClicked: sendDialog.open()
                    ToolTip.visible: hovered && !enabled
                    ToolTip.text: qsTr("Nhập ít nhất một ý kiến trước khi gửi")
                }
            }
        }

        GridLayout {
            id: grid
            // Fixed shares: the list's wrapped labels must not claim the form's width.
            // Taken from the desk's width, known before the grid is first laid out: a share of
            // the grid's own width left the first layout stale until something else changed.
            readonly property real formWidth: (desk.width - Theme.spacing - columnSpacing) * 0.45
            readonly property real listWidth: desk.width - Theme.spacing - columnSpacing - formWidth
            // Portrait: one column as wide as the desk (less the grid's margins), for the same
            // reason.
            readonly property real fullWidth: desk.width - Theme.spacing
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.spacing / 2
            columns: desk.portrait ? 1 : 2
            columnSpacing: Theme.spacing / 2
            rowSpacing: Theme.spacing / 2

            GrassrootsEntryForm {
                id: form
                objectName: "grassrootsEntryForm"
                // Explicit cells: GridLayout does not re-flow when only `columns` changes.
                Layout.row: 0
                Layout.column: 0
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: desk.portrait ? grid.fullWidth : grid.formWidth
                Layout.maximumWidth: desk.portrait ? grid.fullWidth : grid.formWidth
                Layout.preferredHeight: desk.portrait ? grid.height * 0.5 : -1
            }

            Pane {
                objectName: "enteredComments"
                Layout.row: desk.portrait ? 1 : 0
                Layout.column: desk.portrait ? 0 : 1
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: desk.portrait ? grid.fullWidth : grid.listWidth
                Layout.maximumWidth: desk.portrait ? grid.fullWidth : grid.listWidth
                Layout.preferredHeight: desk.portrait ? grid.height * 0.5 : -1
                padding: Theme.spacing / 2
                Material.background: Theme.paper
                Material.elevation: 1

                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacing / 2

                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Đã nhập, theo mục của dự thảo")
                        font.bold: true
                        color: Theme.primary
                    }
                    GrassrootsSectionCounts {
                        objectName: "sectionCounts"
                        Layout.fillWidth: true
                        visible: count > 0
                    }
                    ListView {
                        id: commentList
                        objectName: "grassrootsCommentList"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        spacing: 6
                        model: App.comments
                        ScrollBar.vertical: ScrollBar {}

                        section.property: "sectionLabel"
                        section.criteria: ViewSection.FullString
                        section.delegate: SectionHeader {}

                        delegate: CommentCard {
                            id: entry
                            required property string commentId
                            required property string kind
                            required property var model

                            objectName: "grassrootsComment"
                            width: ListView.view.width
                            speakerName: ""
                            kindLabel: model.kindLabel
                            sectionLabel: model.sectionLabel
                            sections: model.sections
                            paragraph: model.paragraph
                            showSection: model.sections.length > 1
                            text: model.text
                            proposedWording: model.proposedWording
                            proposedLocation: model.proposedLocation
                            pending: model.pending
                            hasConflict: model.hasConflict
                            color: form.editingCommentId === commentId ? Theme.selected : Theme.paper

                            Item {
                                Layout.fillWidth: true
                            }
                            Button {
                                objectName: "editCommentButton"
                                Layout.minimumHeight: Theme.touch
                                text: qsTr("Sửa")
                                flat: true
                                // Loading would replace a new comment typed but not yet saved.
                                enabled: !form.dirty
                                onClicked: form.beginEdit(entry.commentId, entry.text, entry.sections,
                                                          entry.kind, entry.proposedWording,
                                                          entry.proposedLocation, entry.paragraph)
                                ToolTip.visible: hovered && !enabled
                                ToolTip.text: qsTr("Lưu ý kiến đang nhập trước khi sửa ý kiến khác")
                            }
                            Button {
                                objectName: "deleteCommentButton"
                                property bool confirming: false
                                Layout.minimumHeight: Theme.touch
                                text: confirming ? qsTr("Bấm lần nữa để xoá") : qsTr("Xoá")
                                flat: true
                                Material.foreground: Theme.bad
                                onClicked: {
                                    if (!confirming) {
                                        confirming = true;
                                        return;
                                    }
                                    confirming = false;
                                    if (form.editingCommentId === entry.commentId)
                                        form.clearForNext();
                                    App.deleteComment(entry.commentId);
                                }
                            }
                        }

                        Label {
                            anchors.centerIn: parent
                            width: parent.width - 2 * Theme.spacing
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.Wrap
                            visible: commentList.count === 0
                            text: qsTr("Chưa nhập ý kiến nào. Chọn mục của dự thảo, ghi nội dung rồi bấm “Lưu ý kiến”.")
                            color: Theme.muted
                        }
                    }
                }
            }
        }
    }

    Dialog {
        id: sendDialog
        objectName: "sendReportDialog"
        parent: T.Overlay.overlay
        anchors.centerIn: parent
        modal: true
        title: qsTr("Gửi báo cáo?")
        Label {
            objectName: "sendReportQuestion"
            width: Math.min(520, desk.width - 96)
            wrapMode: Text.Wrap
            text: qsTr("Gửi báo cáo của %1 gồm %2 ý kiến về Ban Tuyên giáo Quận ủy để tổng hợp chung?")
                  .arg(App.organisationName).arg(commentList.count)
        }
        footer: DialogButtonBox {
            Button {
                objectName: "confirmSendButton"
                text: qsTr("Gửi báo cáo")
                highlighted: true
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                objectName: "cancelSendButton"
                text: qsTr("Chưa gửi")
                flat: true
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        onAccepted: App.sendGrassrootsReport()
    }
}
