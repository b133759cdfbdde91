pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// The chair's view: the live comments grouped by draft section (read-only) with the drafts being
// typed, counts per section, kind and group, the queue with time used, and flags for the closing
// remarks; "Màn hình hội trường" switches to large type for the projector.
Item {
    id: chair

    property bool portrait: false
    property bool hallMode: false

    CurrentTurn {
        id: currentTurn
    }

    Shortcut {
        sequence: "F11"
        onActivated: chair.hallMode = !chair.hallMode
    }
    Shortcut {
        sequence: "Escape"
        enabled: chair.hallMode
        onActivated: chair.hallMode = false
    }

    HallScreen {
        objectName: "hallScreen"
        anchors.fill: parent
        visible: chair.hallMode
        turn: currentTurn
        onCloseRequested: chair.hallMode = false
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        visible: !chair.hallMode

        SessionBar {
            Layout.fillWidth: true
            canControl: false
            canRelease: true
        }

        Pane {
            Layout.fillWidth: true
            padding: Theme.spacing / 2
            leftPadding: Theme.spacing
            Material.background: Theme.canvas
            RowLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                spacing: Theme.spacing
                Label {
                    objectName: "currentSpeakerLabel"
                    Layout.fillWidth: true
                    text: currentTurn.active
                          ? qsTr("Đang phát biểu: %1 — %2").arg(currentTurn.fullName)
                                                         .arg(Theme.duration(currentTurn.seconds))
                          : qsTr("Chưa có người đang phát biểu")
                    textFormat: Text.PlainText
                    font.pixelSize: Theme.titleFont
                    font.bold: currentTurn.active
                    elide: Text.ElideRight
                }
                Label {
                    objectName: "commentCountLabel"
                    text: qsTr("%1 ý kiến").arg(commentList.count)
                    color: Theme.muted
                }
                Button {
                    objectName: "hallModeButton"
                    Layout.minimumHeight: Theme.touch
                    text: qsTr("Màn hình hội trường")
                    highlighted: true
                    onClicked: chair.hallMode = true
                }
            }
        }

        GridLayout {
            id: grid
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.spacing / 2
            columns: chair.portrait ? 1 : 2
            columnSpacing: Theme.spacing / 2
            rowSpacing: Theme.spacing / 2

            Pane {
                Layout.row: 0
                Layout.column: 0
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: chair.portrait ? grid.width : grid.width * 0.58
                padding: Theme.spacing / 2
                Material.background: Theme.paper
                Material.elevation: 1

                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacing / 2

                    LiveDraftsPanel {
                        Layout.fillWidth: true
                        Layout.preferredHeight: implicitHeight
                        visible: count > 0
                    }
                    ListView {
                        id: commentList
                        objectName: "chairCommentList"
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
                            required property var model

                            objectName: "chairComment"
                            width: ListView.view.width
                            speakerName: model.speakerName
                            speakerTitle: model.speakerTitle
                            kindLabel: model.kindLabel
                            sectionLabel: model.sectionLabel
                            sections: model.sections
                            paragraph: model.paragraph
                            text: model.text
                            proposedWording: model.proposedWording
                            proposedLocation: model.proposedLocation
                            written: model.written
                            flagged: model.flagged
                            pending: model.pending
                            hasConflict: model.hasConflict

                            Item {
                                Layout.fillWidth: true
                            }
                            Button {
                                objectName: "flagButton"
                                Layout.minimumHeight: Theme.touch
                                flat: true
                                text: entry.flagged ? qsTr("★ Bỏ đánh dấu") : qsTr("☆ Đánh dấu cho kết luận")
                                Material.foreground: entry.flagged ? Theme.warn : Theme.muted
                                onClicked: App.flagComment(entry.commentId, !entry.flagged)
                            }
                        }

                        Label {
                            anchors.centerIn: parent
                            width: parent.width - 2 * Theme.spacing
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.Wrap
                            visible: commentList.count === 0
                            text: qsTr("Chưa có ý kiến nào được ghi.")
                            color: Theme.muted
                        }
                    }
                }
            }

            TabbedPanel {
                objectName: "chairSidePanel"
                // Explicit cells: GridLayout does not re-flow when only `columns` changes.
                Layout.row: chair.portrait ? 1 : 0
                Layout.column: chair.portrait ? 0 : 1
                Layout.fillWidth: true
                Layout.fillHeight: !chair.portrait
                Layout.preferredWidth: chair.portrait ? grid.width : grid.width * 0.42
                Layout.preferredHeight: chair.portrait ? grid.height * 0.4 : -1
                titles: [qsTr("Số lượng"), qsTr("Hàng đợi"),
                         flaggedList.count > 0 ? qsTr("Đã đánh dấu (%1)").arg(flaggedList.count)
                                               : qsTr("Đã đánh dấu")]

                SectionSummaryTable {
                    objectName: "sectionSummary"
                }
                QueuePanel {
                    objectName: "chairQueue"
                    editable: false
                }
                ListView {
                    id: flaggedList
                    objectName: "flaggedList"
                    clip: true
                    spacing: 6
                    model: App.flagged
                    ScrollBar.vertical: ScrollBar {}
                    delegate: CommentCard {
                        id: flaggedEntry
                        required property string commentId
                        required property var model

                        width: ListView.view.width
                        speakerName: model.speakerName
                        kindLabel: model.kindLabel
                        sectionLabel: model.sectionLabel
                        sections: model.sections
                        paragraph: model.paragraph
                        showSection: true
                        text: model.text
                        proposedWording: model.proposedWording
                        proposedLocation: model.proposedLocation
                        flagged: true

                        Item {
                            Layout.fillWidth: true
                        }
                        Button {
                            Layout.minimumHeight: Theme.touch
                            flat: true
                            text: qsTr("Bỏ đánh dấu")
                            onClicked: App.flagComment(flaggedEntry.commentId, false)
                        }
                    }
                    Label {
                        anchors.centerIn: parent
                        width: parent.width - 2 * Theme.spacing
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        visible: flaggedList.count === 0
                        text: qsTr("Đánh dấu các ý kiến cần nêu trong kết luận hội nghị.")
                        color: Theme.muted
                    }
                }
            }
        }
    }
}
