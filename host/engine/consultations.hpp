#pragma once
// Totals per consultation, gathered in a first pass over a programme so that
// thresholds can be tested on the whole consultation while lots stream by,
// in a memory that does not grow with the programme.
//
// A consultation's lots nearly always follow each other. Pass 1 sums each
// run of consecutive records of one consultation and writes it (name,
// amount, lots) to a temporary file (base/temp_file.hpp); the names of the
// runs go through base/repeated_keys.hpp, which finds the consultations with
// several runs ("scattered") for the price of a Bloom filter. Those alone
// are summed into memory, in one more read of the file, when pass 1 ends.
// Pass 2 asks for the totals of each lot in input order and reads the file
// in step: a lot takes the totals of its run, found by name further on (the
// lots of rows rejected by pass 2, or not asked for, are stepped over), or
// those of its scattered consultation. Memory: the filter during pass 1
// (about 3 bytes a run), then the scattered consultations only.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/repeated_keys.hpp"
#include "base/temp_file.hpp"
#include "model/lot.hpp"

namespace clausier::engine {

class ConsultationIndex {
 public:
  // Pass 1, in input order: a record of `consultation` for this amount.
  void add(std::string_view consultation, std::int64_t montant_ht_cents);
  // Ends pass 1.
  void finish();
  // Pass 2, in the input order of pass 1 (records may be left out): the
  // totals of the consultation of the next lot. Nothing for a consultation
  // pass 1 did not see there.
  [[nodiscard]] ConsultationTotals totals(std::string_view consultation);

  // Consultations whose records are not all consecutive (and a few others:
  // false positives of the filter), held in memory.
  [[nodiscard]] std::size_t scattered() const { return scattered_.size(); }
  // False when the temporary file could not be written whole (a full disk):
  // the totals are not to be trusted.
  [[nodiscard]] bool ok() const { return runs_.ok(); }

 private:
  struct Run {
    std::string consultation;
    ConsultationTotals totals;
  };
  void close_run();
  bool read_run(Run& out);

  SpillFile runs_;
  Run run_;            // pass 1: the run being summed; pass 2: the last run found
  Run ahead_;          // pass 2: runs read while looking for the next one
  bool open_ = false;  // pass 1: run_ holds records
  RepeatedKeys names_;
  std::unordered_map<std::string, ConsultationTotals, KeyHash, std::equal_to<>> scattered_;
};

}  // namespace clausier::engine
