// Looks items up in a running Qt Quick scene by objectName, through both the visual tree
// (childItems) and the object tree (delegates, popups), like TestCase.findChild does in QML.
#pragma once

#include <QList>
#include <QString>

class QQuickItem;

namespace gopy::e2e {

/// The first item named `objectName` under `root` (depth first), or nullptr.
QQuickItem* findItem(QQuickItem* root, const QString& objectName);
/// Every item named `objectName` under `root`.
QList<QQuickItem*> findItems(QQuickItem* root, const QString& objectName);

}  // namespace gopy::e2e
