import QtQuick
import QtTest
import QtQuick.Controls.Material
import GopY
import GopY.Views
import GopY.Test

// The "Đoạn" box of the secretary's comment editor against the real gopy-server with the demo
// draft (II.3 numbers four paragraphs, II.1 none): shown only for a section with paragraphs,
// reset when the first section changes, the number chosen is the one the comment gets, and
// editing a comment shows its paragraph. The functions run in name order and share the state.
TestCase {
    id: testCase
    name: "ParagraphPicker"
    width: 1280
    height: 800
    visible: true  // TestCase is invisible by default; the views under test must receive input
    when: windowShown

    // Generous: the machine may be compiling while the tests run.
    readonly property int patience: 60000
    property string speaker: ""

    Control {
        id: fontHost
        width: testCase.width
        height: testCase.height
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSize
    }

    Component {
        id: editorComponent
        CommentEditor {
            width: 760
            height: 760
        }
    }

    function initTestCase() {
        verify(TestServer.start(), TestServer.lastOutput);
        const code = TestServer.admit("secretary", 2, 0);
        verify(code.length > 0, TestServer.lastOutput);
        App.connectTo(TestServer.address);
        App.admit(code, "Thư ký 1");
        tryVerify(() => App.connectionState === App.Connected, patience, App.lastError);
        tryVerify(() => App.conferenceId === 2, patience, "conference 2 selected");
        tryVerify(() => App.paragraphCount > 0, patience, "paragraph heads received");
        // A speaker on the floor, so that the editor can save.
        speaker = App.addParticipant("Vũ Thị Minh Châu", "Bí thư Chi bộ", "Chi bộ Khu dân cư số 6", "Cơ sở");
        verify(speaker.length > 0, App.lastError);
        const turn = App.enqueue(speaker);
        verify(turn.length > 0, App.lastError);
        App.startTurn(turn);
        tryCompare(App, "currentTurnId", turn, patience);
    }

    function createEditor() {
        const editor = createTemporaryObject(editorComponent, fontHost);
        verify(editor);
        waitForRendering(editor);
        compare(editor.participantId, speaker, "the editor follows the speaker");
        return editor;
    }

    // Picks entry `index` of the open list with the mouse, as a person would.
    function pickParagraph(editor, index) {
        const box = findChild(editor, "paragraphBox");
        mouseClick(box);
        tryVerify(() => box.popup.opened, patience, "list opened for entry " + index);
        const list = box.popup.contentItem;
        list.positionViewAtIndex(index, ListView.Contain);
        waitForRendering(list);
        const item = list.itemAtIndex(index);
        verify(item, "entry " + index);
        mouseClick(item);
        // Closed and its exit transition over, so that the next click opens it again.
        tryVerify(() => !box.popup.visible, patience, "list closed");
    }

    function commentWithText(text) {
        for (let i = 0; i < App.comments.rowCount(); ++i) {
            const row = App.comments.get(i);
            if (row.text === text)
                return row;
        }
        return null;
    }

    function test_1_boxOnlyForASectionWithParagraphs() {
        const editor = createEditor();
        const picker = findChild(editor, "paragraphPicker");
        const sections = findChild(editor, "sectionPicker");
        verify(picker);
        verify(!picker.visible, "no section chosen: no box");
        sections.selected = ["II.1"];
        waitForRendering(editor);
        verify(!picker.visible, "II.1 has no numbered paragraphs");
        sections.selected = ["II.3"];
        waitForRendering(editor);
        verify(picker.visible, "II.3 has paragraphs");
        const box = findChild(editor, "paragraphBox");
        compare(box.count, 5, "Cả mục and four paragraphs");
        compare(box.displayText, "Cả mục");
        compare(box.textAt(0), "Cả mục");
        for (let n = 1; n <= 4; ++n)
            verify(box.textAt(n).startsWith("Đoạn " + n + " — "), box.textAt(n));
        verify(box.height >= 44, "touch target " + box.height);
        // Right after the section picker, as wide as the form allows.
        verify(picker.y > sections.y, "under the section picker");
        verify(picker.width > 400, "room for the openings: " + picker.width);
        // A second section does not change the first one: the box stays.
        sections.selected = ["II.3", "II.1"];
        verify(picker.visible);
        sections.selected = ["II.1", "II.3"];
        verify(!picker.visible, "the paragraph belongs to the first section");
    }

    function test_2_chosenParagraphIsWhatTheCommentGets() {
        const editor = createEditor();
        findChild(editor, "sectionPicker").selected = ["II.3"];
        waitForRendering(editor);
        pickParagraph(editor, 2);
        const picker = findChild(editor, "paragraphPicker");
        compare(picker.paragraph, 2);
        verify(findChild(editor, "paragraphBox").displayText.startsWith("Đoạn 2 — "));
        const text = "Đề nghị nêu rõ việc khó, việc mới của chi bộ trong từng năm.";
        const area = findChild(editor, "commentText");
        area.forceActiveFocus();
        area.insert(0, text);
        mouseClick(findChild(editor, "saveCommentButton"));
        tryVerify(() => commentWithText(text) !== null, patience, "comment listed");
        compare(commentWithText(text).paragraph, 2);
        compare(commentWithText(text).sections[0], "II.3");
        tryVerify(() => App.unsentCount === 0, patience, "acknowledged");
        compare(commentWithText(text).paragraph, 2, "the server kept it");
        // The editor is ready for the next comment: no section, no paragraph.
        verify(!picker.visible);
        compare(picker.paragraph, 0);
    }

    function test_3_changingTheFirstSectionResetsTheParagraph() {
        const editor = createEditor();
        const sections = findChild(editor, "sectionPicker");
        sections.selected = ["II.3"];
        waitForRendering(editor);
        pickParagraph(editor, 3);
        const picker = findChild(editor, "paragraphPicker");
        compare(picker.paragraph, 3);
        sections.selected = ["II.4"];
        waitForRendering(editor);
        verify(picker.visible, "II.4 has paragraphs too");
        compare(picker.paragraph, 0);
        compare(findChild(editor, "paragraphBox").displayText, "Cả mục");
        // Choosing "Cả mục" again after a paragraph gives 0.
        pickParagraph(editor, 1);
        compare(picker.paragraph, 1);
        pickParagraph(editor, 0);
        compare(picker.paragraph, 0);
    }

    function test_4_editingShowsAndChangesTheParagraph() {
        const text = "Đề nghị nêu rõ việc khó, việc mới của chi bộ trong từng năm.";
        const row = App.comments.indexOf(commentWithText(text).commentId);
        verify(row >= 0);
        const editor = createEditor();
        const c = App.comments.get(row);
        editor.beginEdit(c.commentId, c.participantId, c.speakerName, c.text, c.sections, c.kind,
                         c.proposedWording, c.proposedLocation, c.written, c.paragraph);
        waitForRendering(editor);
        const picker = findChild(editor, "paragraphPicker");
        verify(picker.visible);
        compare(picker.paragraph, 2);
        verify(findChild(editor, "paragraphBox").displayText.startsWith("Đoạn 2 — "));
        pickParagraph(editor, 4);
        mouseClick(findChild(editor, "saveCommentButton"));
        tryVerify(() => commentWithText(text).paragraph === 4, patience, "paragraph changed");
        tryVerify(() => App.unsentCount === 0, patience, "acknowledged");
        compare(commentWithText(text).paragraph, 4);
    }
}
