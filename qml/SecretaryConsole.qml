pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import GopY

// The secretary's console: session controls on top; the speaker queue and attendance, the comment
// editor, and the recorded comments with conflicts. Three columns in landscape. In portrait (a
// tablet held upright) the editor takes the full width and most of the height, and one tabbed
// panel under it holds the queue, attendance, recorded comments and conflicts, each one tap away.
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
    // Not Ctrl+→: Ctrl+←/→, Home/End and Ctrl+Backspace belong to the text being typed.
    Shortcut {
        sequence: "Alt+N"
        context: Qt.WindowShortcut
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
            canRelease: true
        }

        GridLayout {
            id: grid
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.spacing / 2
            columns: console.portrait ? 1 : 3
            columnSpacing: Theme.spacing / 2
            rowSpacing: Theme.spacing / 2

            // Landscape: queue and attendance on the left.
            TabbedPanel {
                id: leftPanel
                objectName: "queueAndAttendance"
                visible: !console.portrait
                // Explicit cells: GridLayout does not re-flow when only `columns` changes.
                Layout.row: 0
                Layout.column: 0
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: grid.width * 0.29
                titles: [qsTr("Hàng đợi phát biểu"), qsTr("Điểm danh")]

                Item {
                    id: queueSlotSide
                }
                Item {
                    id: attendanceSlotSide
                }
            }

            CommentEditor {
                id: editor
                objectName: "commentEditor"
                Layout.row: 0
                Layout.column: console.portrait ? 0 : 1
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: console.portrait ? grid.width : grid.width * 0.42
            }

            // Landscape: recorded comments and conflicts on the right.
            TabbedPanel {
                id: rightPanel
                objectName: "historyAndConflicts"
                visible: !console.portrait
                Layout.row: 0
                Layout.column: 2
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: grid.width * 0.29
                titles: [qsTr("Ý kiến đã ghi"),
                         conflicts.count > 0 ? qsTr("Xung đột (%1)").arg(conflicts.count) : qsTr("Xung đột")]

                Item {
                    id: historySlotSide
                }
                Item {
                    id: conflictSlotSide
                }
            }

            // Portrait: everything but the editor in one tabbed panel under it. The short titles
            // fit four tabs on an 800 px wide screen.
            TabbedPanel {
                id: bottomPanel
                objectName: "consoleTabs"
                visible: console.portrait
                Layout.row: 1
                Layout.column: 0
                Layout.fillWidth: true
                Layout.preferredHeight: grid.height * 0.4
                Layout.maximumHeight: grid.height * 0.4
                titles: [App.queue.waitingCount > 0 ? qsTr("Hàng đợi (%1)").arg(App.queue.waitingCount)
                                                       : qsTr("Hàng đợi"),
                         qsTr("Điểm danh"),
                         history.count > 0 ? qsTr("Đã ghi (%1)").arg(history.count) : qsTr("Đã ghi"),
                         conflicts.count > 0 ? qsTr("Xung đột (%1)").arg(conflicts.count) : qsTr("Xung đột")]

                Item {
                    id: queueSlotBottom
                }
                Item {
                    id: attendanceSlotBottom
                }
                Item {
                    id: historySlotBottom
                }
                Item {
                    id: conflictSlotBottom
                }
            }
        }
    }

    // The pages exist once and move between the slots of the two arrangements, so turning the
    // tablet keeps a search being typed, a scroll position or a merge in progress.
    QueuePanel {
        objectName: "queuePanel"
        parent: console.portrait ? queueSlotBottom : queueSlotSide
        anchors.fill: parent
        editable: true
    }
    AttendancePanel {
        objectName: "attendancePanel"
        parent: console.portrait ? attendanceSlotBottom : attendanceSlotSide
        anchors.fill: parent
    }
    CommentHistory {
        id: history
        objectName: "commentHistory"
        parent: console.portrait ? historySlotBottom : historySlotSide
        anchors.fill: parent
        onEditRequested: (commentId, participantId, speakerName, text, sections, kind,
                          proposedWording, proposedLocation, written, paragraph) => {
            editor.beginEdit(commentId, participantId, speakerName, text, sections, kind,
                             proposedWording, proposedLocation, written, paragraph);
        }
    }
    ConflictPanel {
        id: conflicts
        objectName: "conflictPanel"

        property int lastCount: 0

        parent: console.portrait ? conflictSlotBottom : conflictSlotSide
        anchors.fill: parent

        // A new conflict needs a person's decision: show it. Once all are resolved, go back to
        // the recorded comments.
        onCountChanged: {
            if (count > lastCount) {
                rightPanel.currentIndex = 1;
                bottomPanel.currentIndex = 3;
            } else if (count === 0) {
                if (rightPanel.currentIndex === 1)
                    rightPanel.currentIndex = 0;
                if (bottomPanel.currentIndex === 3)
                    bottomPanel.currentIndex = 2;
            }
            lastCount = count;
        }
    }
}
