pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import QtQuick.Templates as T
import GopY

// The drafting team's answer to a group or to one comment: Tiếp thu / Tiếp thu một phần /
// Không tiếp thu, with the explanation (required unless accepted in full; the rule is in C++).
Dialog {
    id: dialog

    property string groupId
    property string commentId
    property string gist
    property string acceptance: "accepted"

    // Opens for a group (groupId) or a single comment (commentId) with its current answer.
    function answer(group: string, comment: string, text: string, current: string, note: string) {
        groupId = group;
        commentId = comment;
        gist = text;
        acceptance = current === "pending" ? "accepted" : current;
        explanation.text = note;
        open();
        explanation.forceActiveFocus();
    }

    objectName: "answerDialog"
    parent: T.Overlay.overlay
    x: Math.round((parent.width - width) / 2)
    y: Math.round((parent.height - height) / 4)
    width: Math.min(760, parent.width - 2 * Theme.spacing)
    modal: true
    title: groupId.length > 0 ? qsTr("Trả lời cho nhóm ý kiến") : qsTr("Trả lời cho ý kiến")
    standardButtons: Dialog.Cancel
    onAccepted: App.drafting.setAcceptance(groupId, commentId, acceptance, explanation.text)

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing / 2

        Label {
            Layout.fillWidth: true
            text: dialog.gist
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            maximumLineCount: 4
            elide: Text.ElideRight
            color: Theme.muted
        }
        Flow {
            Layout.fillWidth: true
            spacing: Theme.spacing / 2
            Repeater {
                model: App.drafting.acceptances()
                delegate: RadioButton {
                    required property var modelData
                    objectName: "answer_" + modelData.acceptance
                    text: modelData.label
                    checked: dialog.acceptance === modelData.acceptance
                    onClicked: dialog.acceptance = modelData.acceptance
                }
            }
        }
        TextArea {
            id: explanation
            objectName: "answerExplanation"
            Layout.fillWidth: true
            Layout.minimumHeight: 120
            wrapMode: TextEdit.Wrap
            placeholderText: dialog.acceptance === "accepted"
                             ? qsTr("Giải trình (không bắt buộc)")
                             : qsTr("Lý do tiếp thu một phần / không tiếp thu (bắt buộc)")
        }
        Button {
            objectName: "answerSave"
            Layout.alignment: Qt.AlignRight
            Layout.minimumHeight: Theme.touch
            text: qsTr("Lưu trả lời")
            highlighted: true
            enabled: dialog.acceptance === "accepted" || explanation.text.trim().length > 0
            onClicked: dialog.accept()
        }
    }
}
