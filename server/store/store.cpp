#include "server/store/store.h"

#include "server/store/migrations.h"

namespace gopy::server {

Store::Store(const std::string& path) : db_(path) { store::migrate(db_); }

}  // namespace gopy::server
