// Qt Quick Test runner for the GopY.Views components (tst_*.qml in this folder).
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

#include "test_setup.h"

Q_IMPORT_QML_PLUGIN(GopYPlugin)
Q_IMPORT_QML_PLUGIN(GopY_ViewsPlugin)

QUICK_TEST_MAIN_WITH_SETUP(gopy_views, TestSetup)
