import QtQuick
import QtQuick.Controls.Material

// A state shown by colour AND words AND a sign, so it reads in greyscale and for colour-blind
// eyes: "done" (✓, green), "due" (◷, orange outline), "late" (!, red, bold) with the Vietnamese
// label the core supplies ("Đã xong", "Đang thực hiện", "Quá hạn", "Đã gửi", "Chưa đến hạn",
// "Chậm").
Label {
    id: badge

    // "done" | "due" | "late"
    property string status: "due"
    property string label: ""

    readonly property color tone: status === "done" ? Theme.ok
                                  : status === "late" ? Theme.bad : Theme.warn
    readonly property string sign: status === "done" ? "✓" : status === "late" ? "!" : "◷"

    text: qsTr("%1 %2").arg(sign).arg(label)
    textFormat: Text.PlainText
    font.pixelSize: Theme.smallFont
    font.bold: status !== "due"
    color: status === "due" ? tone : Theme.paper
    topPadding: 4
    bottomPadding: 4
    leftPadding: 10
    rightPadding: 10
    background: Rectangle {
        radius: height / 2
        color: badge.status === "due" ? Theme.paper : badge.tone
        border.color: badge.tone
        border.width: 2
    }
}
