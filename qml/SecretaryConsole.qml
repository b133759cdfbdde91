pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// The secretary's console: session controls on top; the speaker queue and attendance, the comment
// editor, and the recorded comments with conflicts. Three columns in landscape; in portrait the
// editor takes the full width and the two side panels sit side by side underneath.
Item {
    id: console

    property bool portrait: false
    readonly property alias editor: editor

    Shortcut {
        sequences: ["Ctrl+Return", "Ctrl+Enter"]
        context: Qt.WindowShortcut
        onActivated: editor.save()
    }
    Shortcut {
        sequence: "Ctrl+N"
        onActivated: editor.newComment()
    }
    Shortcut {
        sequence: "Ctrl+Right"
        onActivated: App.nextSpeaker()
    }
    Shortcut {
        sequence: "Ctrl+T"
        onActivated: editor.focusSections()
    }
    Shortcut {
        sequence: "Ctrl+K"
        onActivated: editor.focusKind()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        SessionBar {
            Layout.fillWidth: true
            canControl: true
        }

        GridLayout {
            id: grid
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.spacing / 2
            columns: console.portrait ? 2 : 3
            columnSpacing: Theme.spacing / 2
            rowSpacing: Theme.spacing / 2

            TabbedPanel {
                id: leftPanel
                objectName: "queueAndAttendance"
                Layout.row: console.portrait ? 1 : 0
                Layout.column: 0
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: console.portrait ? grid.width / 2 : grid.width * 0.29
                Layout.preferredHeight: console.portrait ? grid.height * 0.42 : -1
                Layout.maximumHeight: console.portrait ? grid.height * 0.42 : Number.POSITIVE_INFINITY
                titles: [qsTr("Hàng đợi phát biểu"), qsTr("Điểm danh")]

                QueuePanel {
                    objectName: "queuePanel"
                    editable: true
                }
                AttendancePanel {
                    objectName: "attendancePanel"
                }
            }

            CommentEditor {
                id: editor
                objectName: "commentEditor"
                Layout.row: 0
                Layout.column: console.portrait ? 0 : 1
                Layout.columnSpan: console.portrait ? 2 : 1
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: console.portrait ? grid.width : grid.width * 0.42
            }

            TabbedPanel {
                id: rightPanel
                objectName: "historyAndConflicts"
                Layout.row: console.portrait ? 1 : 0
                Layout.column: console.portrait ? 1 : 2
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: console.portrait ? grid.width / 2 : grid.width * 0.29
                Layout.preferredHeight: console.portrait ? grid.height * 0.42 : -1
                Layout.maximumHeight: console.portrait ? grid.height * 0.42 : Number.POSITIVE_INFINITY
                titles: [qsTr("Ý kiến đã ghi"),
                         conflicts.count > 0 ? qsTr("Xung đột (%1)").arg(conflicts.count) : qsTr("Xung đột")]
                currentIndex: conflicts.count > 0 ? 1 : 0

                CommentHistory {
                    objectName: "commentHistory"
                    onEditRequested: (commentId, participantId, speakerName, text, sections, kind,
                                      proposedWording, proposedLocation, written) => {
                        editor.beginEdit(commentId, participantId, speakerName, text, sections, kind,
                                         proposedWording, proposedLocation, written);
                    }
                }
                ConflictPanel {
                    id: conflicts
                    objectName: "conflictPanel"
                }
            }
        }
    }
}
