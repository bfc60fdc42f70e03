/**
 * A translate module for bpmn-js in Bahasa Indonesia: the words a process owner sees most (the
 * palette, the context pad, the main groups and fields of the properties panel); everything
 * else keeps the library's English. Chosen when the modeler is created.
 */
const ID: Record<string, string> = {
  'Activate hand tool': 'Aktifkan alat geser',
  'Activate lasso tool': 'Aktifkan alat laso',
  'Activate create/remove space tool': 'Aktifkan alat tambah/hapus ruang',
  'Activate global connect tool': 'Aktifkan alat sambung',
  'Create start event': 'Buat peristiwa mulai',
  'Create intermediate/boundary event': 'Buat peristiwa antara/batas',
  'Create end event': 'Buat peristiwa akhir',
  'Create gateway': 'Buat gateway',
  'Create task': 'Buat tugas',
  'Create expanded sub-process': 'Buat subproses',
  'Create data object reference': 'Buat referensi objek data',
  'Create data store reference': 'Buat referensi penyimpanan data',
  'Create pool/participant': 'Buat pool/peserta',
  'Create group': 'Buat grup',
  'Create element': 'Buat elemen',
  'Append end event': 'Tambahkan peristiwa akhir',
  'Append gateway': 'Tambahkan gateway',
  'Append task': 'Tambahkan tugas',
  'Append intermediate/boundary event': 'Tambahkan peristiwa antara/batas',
  'Add text annotation': 'Tambahkan anotasi teks',
  'Append element': 'Tambahkan elemen',
  'Change element': 'Ubah elemen',
  Delete: 'Hapus',
  'Connect to other element': 'Sambungkan ke elemen lain',
  'Connect using association': 'Sambungkan dengan asosiasi',
  'Choose element template': 'Pilih templat elemen',
  General: 'Umum',
  Name: 'Nama',
  Documentation: 'Dokumentasi',
  'Element documentation': 'Dokumentasi elemen',
  Template: 'Templat',
  Select: 'Pilih',
  Applied: 'Diterapkan',
  'Execution listeners': 'Listener eksekusi',
  'Extension properties': 'Properti ekstensi',
  Inputs: 'Masukan',
  Outputs: 'Keluaran',
  'Task definition': 'Definisi tugas',
  'Job type': 'Jenis job',
  Retries: 'Percobaan ulang',
  Headers: 'Header',
  Assignment: 'Penugasan',
  Form: 'Formulir',
  Condition: 'Kondisi',
  Timer: 'Timer',
  Message: 'Pesan',
  Value: 'Nilai',
  Type: 'Jenis',
  Version: 'Versi',
  'Version tag': 'Tag versi',
  Priority: 'Prioritas',
  Implementation: 'Implementasi',
  'Process ID': 'ID proses',
  'Result variable': 'Variabel hasil',
  'Called element': 'Elemen yang dipanggil',
  'Search in diagram': 'Cari di diagram',
};

export function translateModule(language: string) {
  const words = language === 'id' ? ID : {};
  const translate = (template: string, replacements: Record<string, string> = {}) =>
    (words[template] ?? template).replace(/{([^}]+)}/g, (_, key: string) => replacements[key] ?? `{${key}}`);
  return { translate: ['value', translate] };
}
