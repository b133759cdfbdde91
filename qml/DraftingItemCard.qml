pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// One comment of the drafting team's work list: tick box, source (conference, public,
// grassroots), sender, kind, sections and text, and its answer. The first member of a group
// carries the group's header (members, one answer for all); members are drawn as one block.
Item {
    id: card

    required property int index
    required property string commentId
    required property string source
    required property string channel
    required property string who
    required property string sectionLabel
    required property var sections
    required property int paragraph
    required property string text
    required property string kindLabel
    required property string groupId
    required property string acceptance
    required property string acceptanceLabel
    required property string acceptanceNote
    required property bool outsideWindow
    required property bool selected
    required property bool groupFirst
    required property int groupSize
    required property bool pending

    signal answerRequested(string groupId, string commentId, string text, string acceptance, string note)

    readonly property bool grouped: groupId.length > 0
    readonly property color answerColor: acceptance === "accepted" ? Theme.ok
                                         : acceptance === "partly" ? Theme.warn
                                         : acceptance === "not_accepted" ? Theme.bad : Theme.muted

    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: column.implicitHeight + (groupFirst ? header.implicitHeight + 6 : 0) + 8

    // The group's header: one block with one answer for every member.
    Rectangle {
        id: header
        visible: card.groupFirst
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        implicitHeight: card.groupFirst ? headerRow.implicitHeight + Theme.spacing : 0
        color: Theme.selected
        radius: Theme.radius
        RowLayout {
            id: headerRow
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing / 2
            spacing: Theme.spacing / 2
            Label {
                Layout.fillWidth: true
                text: qsTr("Nhóm %1 ý kiến cùng nội dung — %2").arg(card.groupSize).arg(card.acceptanceLabel)
                font.bold: true
                color: card.answerColor
                wrapMode: Text.Wrap
            }
            Button {
                objectName: "answerGroup_" + card.groupId
                Layout.minimumHeight: Theme.touch
                text: qsTr("Trả lời nhóm")
                highlighted: card.acceptance === "pending"
                onClicked: card.answerRequested(card.groupId, "", card.text, card.acceptance, card.acceptanceNote)
            }
            Button {
                objectName: "dissolve_" + card.groupId
                Layout.minimumHeight: Theme.touch
                text: qsTr("Tách nhóm")
                flat: true
                onClicked: App.drafting.dissolveGroup(card.groupId)
            }
        }
    }

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: column.top
        anchors.bottom: column.bottom
        anchors.topMargin: -4
        anchors.bottomMargin: -4
        anchors.leftMargin: card.grouped ? Theme.spacing * 2 : 0
        radius: Theme.radius
        color: card.selected ? Theme.selected : Theme.paper
        border.color: card.grouped ? Theme.primary : Theme.line
        border.width: 1
    }

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: card.groupFirst ? header.bottom : parent.top
        anchors.topMargin: card.groupFirst ? 10 : 4
        anchors.leftMargin: (card.grouped ? Theme.spacing * 2 : 0) + 4
        anchors.rightMargin: Theme.spacing / 2
        spacing: 2

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing / 2
            CheckBox {
                objectName: "tick_" + card.commentId
                checked: card.selected
                onToggled: App.drafting.setSelected(card.commentId, checked)
            }
            Label {
                text: card.source
                font.bold: true
                color: card.channel === "public" ? "#1565c0" : card.channel === "grassroots" ? "#6a1b9a" : Theme.primary
            }
            Label {
                Layout.fillWidth: true
                text: card.who.length > 0 ? card.who : qsTr("(không ghi tên)")
                textFormat: Text.PlainText
                elide: Text.ElideRight
            }
            Label {
                text: card.kindLabel
                color: Theme.muted
                font.pixelSize: Theme.smallFont
            }
        }
        Label {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacing
            text: card.text
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacing
            spacing: Theme.spacing / 2
            Label {
                Layout.fillWidth: true
                // The paragraph belongs to the first section: "II.3, đoạn 2, II.4".
                readonly property string where: card.sections.length === 0 ? qsTr("Chưa phân mục")
                    : card.paragraph > 0 ? [qsTr("%1, đoạn %2").arg(card.sections[0]).arg(card.paragraph)]
                                           .concat(Array.from(card.sections).slice(1)).join(", ")
                    : Array.from(card.sections).join(", ")
                text: where
                      + (card.outsideWindow ? qsTr(" · gửi ngoài thời gian lấy ý kiến") : "")
                      + (card.pending ? qsTr(" · chưa gửi") : "")
                color: card.outsideWindow ? Theme.warn : Theme.muted
                font.pixelSize: Theme.smallFont
                elide: Text.ElideRight
            }
            Label {
                visible: !card.grouped
                text: card.acceptanceLabel
                color: card.answerColor
                font.bold: card.acceptance !== "pending"
                font.pixelSize: Theme.smallFont
            }
            Button {
                objectName: "answer_" + card.commentId
                visible: !card.grouped
                Layout.minimumHeight: Theme.touch
                text: qsTr("Trả lời")
                flat: card.acceptance !== "pending"
                onClicked: card.answerRequested("", card.commentId, card.text, card.acceptance, card.acceptanceNote)
            }
        }
        Label {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacing
            visible: card.acceptanceNote.length > 0 && (!card.grouped || card.groupFirst)
            text: qsTr("Giải trình: %1").arg(card.acceptanceNote)
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.italic: true
            font.pixelSize: Theme.smallFont
        }
    }
}
