pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// The drafting team's desk (tổ biên tập): on the left the draft's outline with the comments of
// every channel per section (total / not answered); on the right the comments of the chosen
// section as a work list — tick many, assign them a section or group them in one action — and
// the suggested groups of near-duplicates. Each group or single comment gets its answer:
// Tiếp thu / Tiếp thu một phần / Không tiếp thu, with the explanation.
Item {
    id: desk

    property bool portrait: false

    // Pages: 0 outline (portrait only), 1 work list, 2 suggestions.
    property int page: 1

    // The tab bar follows the page (an outline entry chosen in portrait opens the work list).
    function syncTabs() {
        const index = portrait ? page : Math.max(0, page - 1);
        if (tabs.currentIndex !== index)
            tabs.currentIndex = index;
    }
    onPageChanged: syncTabs()
    onPortraitChanged: {
        if (!portrait && page === 0)
            page = 1;
        syncTabs();
    }
    Component.onCompleted: syncTabs()

    DraftingAnswerDialog {
        id: answerDialog
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Pane {
            Layout.fillWidth: true
            padding: Theme.spacing / 2
            leftPadding: Theme.spacing
            Material.background: Theme.canvas
            GridLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                columns: desk.portrait ? 1 : 2
                columnSpacing: Theme.spacing
                Label {
                    objectName: "draftingSummary"
                    Layout.fillWidth: true
                    text: qsTr("Tổ biên tập — %1 ý kiến từ mọi kênh, %2 chưa trả lời, %3 chưa phân mục")
                          .arg(App.drafting.totalCount).arg(App.drafting.pendingCount)
                          .arg(App.drafting.unassignedCount)
                    font.pixelSize: Theme.titleFont
                    wrapMode: Text.Wrap
                }
                TextField {
                    id: search
                    objectName: "draftingSearch"
                    Layout.fillWidth: desk.portrait
                    Layout.preferredWidth: desk.portrait ? -1 : 420
                    placeholderText: qsTr("Tìm trong ý kiến, người gửi (không dấu cũng được)")
                    onTextEdited: App.drafting.setFilter(text)
                }
            }
        }

        TabBar {
            id: tabs
            objectName: "draftingTabs"
            Layout.fillWidth: true
            visible: true
            onCurrentIndexChanged: {
                const next = desk.portrait ? currentIndex : currentIndex + 1;
                if (next !== desk.page)
                    desk.page = next;
            }
            Repeater {
                model: desk.portrait ? [qsTr("Mục dự thảo"), qsTr("Ý kiến"), qsTr("Gợi ý gộp nhóm (%1)").arg(App.drafting.suggestions.count)]
                                     : [qsTr("Ý kiến"), qsTr("Gợi ý gộp nhóm (%1)").arg(App.drafting.suggestions.count)]
                delegate: TabButton {
                    required property string modelData
                    text: modelData
                    implicitHeight: Theme.touch
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.spacing / 2
            spacing: Theme.spacing / 2

            DraftingOutline {
                objectName: "draftingOutline"
                Layout.fillHeight: true
                Layout.fillWidth: desk.portrait
                Layout.preferredWidth: desk.portrait ? -1 : Math.min(560, desk.width * 0.3)
                visible: !desk.portrait || desk.page === 0
                onChosen: desk.page = 1
            }

            Pane {
                Layout.fillWidth: true
                Layout.fillHeight: true
                visible: desk.page !== 0
                padding: Theme.spacing / 2
                Material.background: Theme.paper
                Material.elevation: 1

                DraftingSuggestions {
                    anchors.fill: parent
                    visible: desk.page === 2
                }

                ColumnLayout {
                    anchors.fill: parent
                    visible: desk.page === 1
                    spacing: Theme.spacing / 2

                    Label {
                        objectName: "workListTitle"
                        Layout.fillWidth: true
                        text: App.drafting.section === "" ? qsTr("Tất cả ý kiến (%1)").arg(workList.count)
                              : App.drafting.section === "__unassigned" ? qsTr("Chưa phân mục (%1) — đánh dấu nhiều ý kiến rồi phân mục một lần").arg(workList.count)
                              : qsTr("Mục %1 (%2)").arg(App.drafting.section).arg(workList.count)
                        font.bold: true
                        wrapMode: Text.Wrap
                    }

                    Flow {
                        id: actions
                        objectName: "selectionBar"
                        Layout.fillWidth: true
                        spacing: Theme.spacing / 2
                        CheckBox {
                            objectName: "selectAll"
                            text: qsTr("Chọn tất cả")
                            checked: App.drafting.selectedCount > 0 && App.drafting.selectedCount >= workList.count
                            onToggled: App.drafting.selectAll(checked)
                        }
                        Label {
                            objectName: "selectedCount"
                            height: Theme.touch
                            verticalAlignment: Text.AlignVCenter
                            text: qsTr("Đã chọn %1").arg(App.drafting.selectedCount)
                            color: App.drafting.selectedCount > 0 ? Theme.primary : Theme.muted
                        }
                        SectionPicker {
                            id: assignPicker
                            objectName: "assignPicker"
                            width: Math.min(actions.width, implicitWidth + 40)
                        }
                        Button {
                            objectName: "assignButton"
                            height: Theme.touch
                            text: qsTr("Phân vào mục")
                            highlighted: true
                            enabled: App.drafting.selectedCount > 0 && assignPicker.selected.length > 0
                            onClicked: {
                                App.drafting.assignSelected(assignPicker.selected);
                                if (App.drafting.selectedCount === 0)
                                    assignPicker.selected = [];
                            }
                        }
                        Button {
                            objectName: "groupButton"
                            height: Theme.touch
                            text: qsTr("Gộp thành nhóm")
                            enabled: App.drafting.selectedCount >= 2
                            onClicked: App.drafting.groupSelected(App.drafting.section === "__unassigned" ? "" : App.drafting.section)
                        }
                        Button {
                            objectName: "clearSelection"
                            height: Theme.touch
                            text: qsTr("Bỏ chọn")
                            flat: true
                            enabled: App.drafting.selectedCount > 0
                            onClicked: App.drafting.clearSelection()
                        }
                    }

                    ListView {
                        id: workList
                        objectName: "workList"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        spacing: 6
                        model: App.drafting.items
                        ScrollBar.vertical: ScrollBar {}
                        section.property: "sectionLabel"
                        section.delegate: SectionHeader {
                            width: ListView.view.width
                        }
                        delegate: DraftingItemCard {
                            onAnswerRequested: (groupId, commentId, text, acceptance, note) =>
                                answerDialog.answer(groupId, commentId, text, acceptance, note)
                        }
                        Label {
                            anchors.centerIn: parent
                            visible: workList.count === 0
                            text: qsTr("Không có ý kiến nào ở đây.")
                            color: Theme.muted
                        }
                    }
                }
            }
        }
    }
}
