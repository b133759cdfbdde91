pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// One recorded comment, read-only: speaker, kind, sections, text, proposed wording quoted
// verbatim with its location, and its state (not yet sent, conflict, flagged). The owner adds
// actions (edit for secretaries, flag for the chair) through the `actions` slot.
Rectangle {
    id: card

    property string speakerName
    property string speakerTitle
    property string kindLabel
    property string sectionLabel
    property var sections: []
    /// Paragraph number within the first section; 0: the whole section.
    property int paragraph: 0
    property string text
    property string proposedWording
    property string proposedLocation
    property bool written
    property bool flagged
    property bool pending
    property bool hasConflict
    property int fontSize: Theme.fontSize
    property bool showSection: false
    default property alias actions: actionRow.data

    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: flagged ? "#fff8e1" : Theme.paper
    border.color: hasConflict ? Theme.bad : flagged ? Theme.flag : Theme.line
    border.width: hasConflict || flagged ? 2 : 1

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.spacing
        spacing: 4

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing / 2
            Label {
                Layout.fillWidth: true
                text: card.speakerTitle.length > 0
                      ? qsTr("%1 — %2").arg(card.speakerName).arg(card.speakerTitle) : card.speakerName
                textFormat: Text.PlainText
                font.bold: true
                font.pixelSize: card.fontSize
                wrapMode: Text.Wrap
            }
            Label {
                text: card.kindLabel
                textFormat: Text.PlainText
                font.pixelSize: Math.max(Theme.smallFont, card.fontSize - 2)
                color: Theme.primary
                padding: 4
                leftPadding: 8
                rightPadding: 8
                background: Rectangle {
                    color: Theme.selected
                    radius: Theme.radius
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            visible: card.showSection || card.paragraph > 0 || card.written || card.pending || card.hasConflict
            Label {
                objectName: "sectionLine"
                visible: card.showSection
                Layout.fillWidth: true
                readonly property string where: card.paragraph > 0
                                                ? qsTr("%1, đoạn %2").arg(card.sectionLabel).arg(card.paragraph)
                                                : card.sectionLabel
                text: card.sections.length > 1 ? qsTr("%1 (và %2 mục khác)").arg(where).arg(card.sections.length - 1)
                                               : where
                textFormat: Text.PlainText
                font.pixelSize: Theme.smallFont
                color: Theme.muted
                // The paragraph and the other sections stay readable when a long title is cut.
                elide: card.paragraph > 0 || card.sections.length > 1 ? Text.ElideMiddle : Text.ElideRight
            }
            Label {
                // In a list grouped by section the heading names the section: the card adds
                // which paragraph of it.
                objectName: "paragraphLine"
                visible: !card.showSection && card.paragraph > 0
                Layout.fillWidth: true
                text: qsTr("Đoạn %1").arg(card.paragraph)
                textFormat: Text.PlainText
                font.pixelSize: Theme.smallFont
                color: Theme.muted
            }
            Label {
                visible: card.written
                text: qsTr("Văn bản")
                font.pixelSize: Theme.smallFont
                color: Theme.muted
            }
            Label {
                objectName: "pendingBadge"
                visible: card.pending
                text: qsTr("Chưa gửi")
                font.pixelSize: Theme.smallFont
                color: Theme.warn
            }
            Label {
                visible: card.hasConflict
                text: qsTr("Xung đột chỉnh sửa")
                font.pixelSize: Theme.smallFont
                font.bold: true
                color: Theme.bad
            }
        }
        Label {
            Layout.fillWidth: true
            text: card.text
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: card.fontSize
            color: Theme.ink
        }
        Label {
            Layout.fillWidth: true
            visible: card.proposedWording.length > 0
            text: card.proposedLocation.length > 0
                  ? qsTr("Đề xuất sửa (%1): “%2”").arg(card.proposedLocation).arg(card.proposedWording)
                  : qsTr("Đề xuất sửa: “%1”").arg(card.proposedWording)
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            font.pixelSize: card.fontSize
            font.italic: true
            color: Theme.primary
        }
        RowLayout {
            id: actionRow
            Layout.fillWidth: true
            visible: children.length > 0
            spacing: Theme.spacing / 2
        }
    }
}
