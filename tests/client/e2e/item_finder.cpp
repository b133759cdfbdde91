#include "item_finder.h"

#include <QQuickItem>
#include <QSet>

namespace gopy::e2e {

namespace {

void collect(QObject* node, const QString& name, QList<QQuickItem*>& found, QSet<QObject*>& seen,
             bool firstOnly)
{
    if (node == nullptr || seen.contains(node) || (firstOnly && !found.isEmpty()))
        return;
    seen.insert(node);
    if (auto* item = qobject_cast<QQuickItem*>(node); item != nullptr && item->objectName() == name)
        found.append(item);
    if (auto* item = qobject_cast<QQuickItem*>(node)) {
        for (QQuickItem* child : item->childItems())
            collect(child, name, found, seen, firstOnly);
    }
    for (QObject* child : node->children())
        collect(child, name, found, seen, firstOnly);
}

}  // namespace

QQuickItem* findItem(QQuickItem* root, const QString& objectName)
{
    QList<QQuickItem*> found;
    QSet<QObject*> seen;
    collect(root, objectName, found, seen, true);
    return found.isEmpty() ? nullptr : found.first();
}

QList<QQuickItem*> findItems(QQuickItem* root, const QString& objectName)
{
    QList<QQuickItem*> found;
    QSet<QObject*> seen;
    collect(root, objectName, found, seen, false);
    return found;
}

}  // namespace gopy::e2e
