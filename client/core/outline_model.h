// The draft's outline as a picker for tagging comments: every section in document order,
// narrowed by a folding search over code, label and title.
#pragma once

#include <QtQml/qqmlregistration.h>

#include <QString>
#include <vector>

#include "client/core/list_model_base.h"
#include "client/core/outline.h"

namespace gopy::client {

class OutlineModel : public ListModelBase {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("App.outline")
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
public:
    enum Roles {
        CodeRole = Qt::UserRole + 1,  ///< "II.3"
        LabelRole,                    ///< as printed: "Phần II", "3."
        TitleRole,
        LevelRole,                    ///< 1 part, 2 section, 3 sub-section
        FullTitleRole,                ///< "Phần II. … › 3. …"
    };
    using ListModelBase::ListModelBase;

    void setOutline(const Outline& outline);
    /// Shows the sections whose code, label or title match every word of `query` (folded:
    /// "phat trien" finds "Phát triển"); all of them when empty.
    Q_INVOKABLE void setFilter(const QString& query);
    QString filter() const { return filter_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void filterChanged();

private:
    void refresh();

    Outline outline_;
    QString filter_;
    std::vector<Section> rows_;
};

}  // namespace gopy::client
