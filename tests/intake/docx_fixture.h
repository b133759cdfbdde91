// Builds .docx test files: zips a folder of hand-written WordprocessingML parts.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace gopy::test {

/// Every file under `folder` (recursively) as zip entries named by their relative path.
std::string zipFolder(const std::filesystem::path& folder);
/// The given entries as a zip archive.
std::string zipEntries(const std::map<std::string, std::string>& entries);
/// The bytes of a file.
std::string readFile(const std::filesystem::path& path);

}  // namespace gopy::test
