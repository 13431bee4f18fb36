// The cases of ipctest (`init=ipctest init_arg=<case>[,<case>...]`) and the
// child roles it spawns itself for (`bin/ipctest child:<role>`).
#pragma once

namespace ipctest {

void run_caps();
void run_ipc();
void run_peer();
void run_notify();
void run_memory();
void run_objects();
void run_out_of_line();
void run_parked();

int child_grant_probe();
int child_sparse_slots();
int child_echo_server();
int child_die_in_call();
int child_exit_while_calling();
int child_shared_memory();
int child_zero_copy();
int child_objects_target();
int child_objects_sleeper();
int child_objects_busy();
int child_objects_leaver();
int child_objects_self_kill();
int child_ool_sender();
int child_parked_server();
int child_parked_client();

}  // namespace ipctest
