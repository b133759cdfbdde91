pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// The speaker queue: who speaks, who waits and the time used. Secretaries (editable) add speakers
// from the participant list or on the spot, reorder them by dragging the handle or with the
// up/down buttons, and start or stop turns.
Item {
    id: panel

    property bool editable: true
    readonly property alias count: list.count

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing / 2
        spacing: Theme.spacing / 2

        RowLayout {
            Layout.fillWidth: true
            visible: panel.editable
            spacing: Theme.spacing / 2
            Button {
                objectName: "nextSpeakerButton"
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touch
                text: qsTr("Người tiếp theo ▶")
                highlighted: true
                enabled: list.count > 0
                onClicked: App.nextSpeaker()
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Alt+N")
            }
            Button {
                objectName: "addSpeakerButton"
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touch
                text: addPane.visible ? qsTr("Đóng") : qsTr("Thêm người phát biểu")
                onClicked: addPane.visible = !addPane.visible
            }
        }

        Pane {
            id: addPane
            objectName: "addSpeakerPane"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(implicitHeight, panel.height * 0.65)
            visible: false
            padding: Theme.spacing / 2
            Material.background: Theme.canvas

            ColumnLayout {
                anchors.fill: parent
                spacing: Theme.spacing / 2

                TabBar {
                    id: addTabs
                    Layout.fillWidth: true
                    TabButton {
                        text: qsTr("Từ danh sách")
                    }
                    TabButton {
                        objectName: "newSpeakerTab"
                        text: qsTr("Người mới")
                    }
                }
                StackLayout {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    currentIndex: addTabs.currentIndex

                    ColumnLayout {
                        spacing: Theme.spacing / 2
                        TextField {
                            id: speakerSearch
                            objectName: "speakerSearch"
                            Layout.fillWidth: true
                            placeholderText: qsTr("Tìm theo tên, chức danh (không dấu cũng được)")
                            onTextEdited: App.participants.setFilter(text)
                        }
                        ListView {
                            id: candidates
                            objectName: "speakerCandidates"
                            Layout.fillWidth: true
                            Layout.fillHeight: true
                            Layout.minimumHeight: Theme.touch * 2
                            clip: true
                            model: App.participants
                            ScrollBar.vertical: ScrollBar {}
                            delegate: ItemDelegate {
                                id: candidate
                                objectName: "speakerCandidate"
                                required property string participantId
                                required property string fullName
                                required property string title
                                width: ListView.view.width
                                implicitHeight: Math.max(Theme.touch, contentItem.implicitHeight + 12)
                                contentItem: Label {
                                    text: candidate.title.length > 0
                                          ? qsTr("%1 — %2").arg(candidate.fullName).arg(candidate.title)
                                          : candidate.fullName
                                    textFormat: Text.PlainText
                                    wrapMode: Text.Wrap
                                }
                                onClicked: App.enqueue(participantId)
                            }
                        }
                    }

                    ColumnLayout {
                        spacing: Theme.spacing / 2
                        TextField {
                            id: newName
                            objectName: "newSpeakerName"
                            Layout.fillWidth: true
                            placeholderText: qsTr("Họ và tên")
                        }
                        TextField {
                            id: newTitle
                            objectName: "newSpeakerTitle"
                            Layout.fillWidth: true
                            placeholderText: qsTr("Chức danh")
                        }
                        TextField {
                            id: newOrganisation
                            objectName: "newSpeakerOrganisation"
                            Layout.fillWidth: true
                            placeholderText: qsTr("Cơ quan, đơn vị")
                        }
                        Button {
                            objectName: "addNewSpeakerButton"
                            Layout.fillWidth: true
                            Layout.minimumHeight: Theme.touch
                            text: qsTr("Thêm và xếp vào hàng đợi")
                            highlighted: true
                            enabled: newName.text.trim().length > 0
                            onClicked: {
                                const id = App.addParticipant(newName.text.trim(), newTitle.text.trim(),
                                                              newOrganisation.text.trim(), "");
                                if (id.length > 0)
                                    App.enqueue(id);
                                newName.clear();
                                newTitle.clear();
                                newOrganisation.clear();
                            }
                        }
                        Item {
                            Layout.fillHeight: true
                        }
                    }
                }
            }
        }

        ListView {
            id: list
            objectName: "queueList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 4
            model: App.queue
            ScrollBar.vertical: ScrollBar {}

            delegate: Item {
                id: row
                required property int index
                required property string turnId
                required property string fullName
                required property string title
                required property string state
                required property int secondsUsed

                readonly property bool speaking: state === "speaking"

                width: ListView.view.width
                implicitHeight: card.implicitHeight
                z: dragHandler.active ? 10 : 0

                Rectangle {
                    id: card
                    width: row.width
                    implicitHeight: Math.max(Theme.touch + 12, content.implicitHeight + 12)
                    radius: Theme.radius
                    color: row.speaking ? Theme.selected : Theme.paper
                    border.color: row.speaking ? Theme.accent : Theme.line
                    border.width: row.speaking ? 2 : 1
                    opacity: row.state === "done" ? 0.7 : 1

                    RowLayout {
                        id: content
                        anchors.fill: parent
                        anchors.leftMargin: 4
                        anchors.rightMargin: 4
                        spacing: 4

                        Label {
                            id: handle
                            objectName: "dragHandle"
                            visible: panel.editable
                            Layout.preferredWidth: Theme.touch
                            Layout.fillHeight: true
                            horizontalAlignment: Text.AlignHCenter
                            verticalAlignment: Text.AlignVCenter
                            text: "≡"
                            font.pixelSize: Theme.titleFont + 4
                            color: Theme.muted

                            DragHandler {
                                id: dragHandler
                                target: card
                                xAxis.enabled: false
                                grabPermissions: PointerHandler.CanTakeOverFromAnything
                                onActiveChanged: {
                                    if (active)
                                        return;
                                    const centre = card.mapToItem(list.contentItem, card.width / 2,
                                                                  card.height / 2);
                                    let to = list.indexAt(centre.x, centre.y);
                                    if (to < 0)
                                        to = centre.y < 0 ? 0 : list.count - 1;
                                    card.y = 0;
                                    if (to !== row.index)
                                        App.moveTurn(row.turnId, to);
                                }
                            }
                        }
                        Label {
                            text: (row.index + 1) + "."
                            color: Theme.muted
                            Layout.leftMargin: panel.editable ? 0 : 8
                        }
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 0
                            Label {
                                Layout.fillWidth: true
                                text: row.fullName
                                textFormat: Text.PlainText
                                font.bold: true
                                elide: Text.ElideRight
                            }
                            Label {
                                Layout.fillWidth: true
                                visible: row.title.length > 0
                                text: row.title
                                textFormat: Text.PlainText
                                font.pixelSize: Theme.smallFont
                                color: Theme.muted
                                elide: Text.ElideRight
                            }
                        }
                        Label {
                            objectName: "turnClock"
                            text: row.state === "waiting" ? qsTr("chờ") : Theme.duration(row.secondsUsed)
                            font.bold: row.speaking
                            font.pixelSize: row.speaking ? Theme.titleFont : Theme.fontSize
                            color: row.speaking ? Theme.accent : Theme.muted
                        }
                        ToolButton {
                            objectName: "moveUpButton"
                            visible: panel.editable
                            implicitWidth: Theme.touch
                            implicitHeight: Theme.touch
                            text: "▲"
                            enabled: row.index > 0
                            onClicked: App.moveTurn(row.turnId, row.index - 1)
                        }
                        ToolButton {
                            objectName: "moveDownButton"
                            visible: panel.editable
                            implicitWidth: Theme.touch
                            implicitHeight: Theme.touch
                            text: "▼"
                            enabled: row.index < list.count - 1
                            onClicked: App.moveTurn(row.turnId, row.index + 1)
                        }
                        ToolButton {
                            objectName: "startStopButton"
                            visible: panel.editable && row.state !== "done"
                            implicitWidth: Theme.touch + 8
                            implicitHeight: Theme.touch
                            text: row.speaking ? "■" : "▶"
                            font.pixelSize: Theme.titleFont
                            Material.foreground: row.speaking ? Theme.bad : Theme.ok
                            onClicked: row.speaking ? App.stopTurn(row.turnId) : App.startTurn(row.turnId)
                        }
                        ToolButton {
                            objectName: "removeTurnButton"
                            visible: panel.editable && row.state === "waiting"
                            implicitWidth: Theme.touch
                            implicitHeight: Theme.touch
                            text: "✕"
                            onClicked: App.removeTurn(row.turnId)
                        }
                    }
                }
            }

            Label {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacing
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                visible: list.count === 0
                text: qsTr("Chưa có ai đăng ký phát biểu.")
                color: Theme.muted
            }
        }
    }
}
