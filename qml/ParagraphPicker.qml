pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import GopY

// Points a comment at one numbered paragraph of its first section: "Cả mục" (0) or
// "Đoạn N — its first words…". Hidden while that section has no paragraphs in the draft. The
// number goes back to "Cả mục" whenever the section changes; an owner loading a comment sets
// `paragraph` after the sections.
RowLayout {
    id: picker

    property string sectionCode: ""
    property int paragraph: 0
    // Re-read when a Welcome brings another draft (App.paragraphCount notifies with it).
    readonly property var paragraphs: App.paragraphCount >= 0 && sectionCode.length > 0
                                      ? App.paragraphsOf(sectionCode) : []
    readonly property var entries: {
        const list = [{ value: 0, label: qsTr("Cả mục") }];
        let known = picker.paragraph === 0;
        for (const p of picker.paragraphs) {
            list.push({ value: p.number, label: qsTr("Đoạn %1 — %2").arg(p.number).arg(p.opening) });
            known = known || p.number === picker.paragraph;
        }
        // A comment kept pointing at a paragraph a revised draft no longer has: show it as is.
        if (!known)
            list.push({ value: picker.paragraph, label: qsTr("Đoạn %1").arg(picker.paragraph) });
        return list;
    }

    function syncBox() {
        box.currentIndex = Math.max(0, box.indexOfValue(picker.paragraph));
    }

    visible: paragraphs.length > 0 || paragraph > 0
    spacing: Theme.spacing / 2

    onSectionCodeChanged: paragraph = 0
    onParagraphChanged: syncBox()
    onEntriesChanged: syncBox()

    Label {
        text: qsTr("Đoạn")
    }
    ComboBox {
        id: box
        objectName: "paragraphBox"
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touch
        // The openings are long: the closed box elides, the list wraps nothing and elides too.
        Layout.preferredWidth: 200
        model: picker.entries
        textRole: "label"
        valueRole: "value"
        onActivated: picker.paragraph = currentValue
        Component.onCompleted: picker.syncBox()
        delegate: ItemDelegate {
            required property var modelData
            required property int index
            width: ListView.view ? ListView.view.width : box.width
            text: modelData.label
            highlighted: box.highlightedIndex === index
            contentItem: Label {
                text: parent.text
                textFormat: Text.PlainText
                elide: Text.ElideRight
                verticalAlignment: Text.AlignVCenter
            }
        }
        contentItem: Label {
            leftPadding: 12
            rightPadding: box.indicator.width + 4
            text: box.displayText
            textFormat: Text.PlainText
            elide: Text.ElideRight
            verticalAlignment: Text.AlignVCenter
        }
    }
}
