import QtQuick
import QtTest
import GopY
import GopY.Views

// The chair's view: read-only lists, the projector mode and the adaptive layout.
TestCase {
    id: testCase
    name: "ChairView"
    width: 1920
    height: 1080
    visible: true  // TestCase is invisible by default; the views under test must receive input
    when: windowShown

    Component {
        id: chairComponent
        ChairView {
            width: testCase.width
            height: testCase.height
        }
    }

    function test_hallModeTogglesLargeType() {
        const chair = createTemporaryObject(chairComponent, testCase);
        verify(chair);
        const hall = findChild(chair, "hallScreen");
        const button = findChild(chair, "hallModeButton");
        verify(hall && button);
        verify(!hall.visible);
        compare(button.text, "Màn hình hội trường");
        mouseClick(button);
        verify(hall.visible);
        verify(!button.visible);
        const speaker = findChild(hall, "hallSpeaker");
        verify(speaker.font.pixelSize >= 28, "readable from the back of the hall");
        keyClick(Qt.Key_Escape);
        verify(!hall.visible);
    }

    function test_listsAreEmptyAndReadOnly() {
        const chair = createTemporaryObject(chairComponent, testCase);
        const comments = findChild(chair, "chairCommentList");
        const flagged = findChild(chair, "flaggedList");
        const summary = findChild(chair, "sectionSummaryList");
        verify(comments && flagged && summary);
        compare(comments.count, 0);
        compare(flagged.count, 0);
        compare(summary.count, 0);
        compare(comments.section.property, "sectionLabel");
        verify(findChild(chair, "commentText") === null, "the chair has no editor");
        verify(findChild(chair, "startSessionButton") === null
               || !findChild(chair, "startSessionButton").visible, "the chair does not run the session");
        compare(findChild(chair, "currentSpeakerLabel").text, "Chưa có người đang phát biểu");
    }

    function test_portraitStacksColumns() {
        const chair = createTemporaryObject(chairComponent, testCase);
        waitForRendering(chair);
        chair.width = 800;
        chair.height = 1280;
        chair.portrait = true;
        waitForRendering(chair);
        const comments = findChild(chair, "chairCommentList");
        const side = findChild(chair, "chairSidePanel");
        const commentsTop = comments.mapToItem(chair, 0, 0).y;
        const sideTop = side.mapToItem(chair, 0, 0).y;
        verify(sideTop > commentsTop, "side panel under the comments");
        verify(side.width > 700);
    }
}
