import { DataTypes, type QueryInterface } from 'sequelize';

/** The bank's holidays: national holidays and cuti bersama, kept by the admin. */
export async function up({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.createTable('calendar_holidays', {
    // 'YYYY-MM-DD' (a WIB date) as text: it sorts and compares the same on SQLite and MariaDB,
    // and no driver turns it into a midnight in some other time zone.
    date: { type: DataTypes.STRING(10), primaryKey: true, allowNull: false },
    name: { type: DataTypes.STRING(200), allowNull: false },
    name_en: { type: DataTypes.STRING(200), allowNull: false },
    kind: { type: DataTypes.STRING(20), allowNull: false },
    updated_at: { type: DataTypes.BIGINT, allowNull: false },
    updated_by: { type: DataTypes.STRING(100), allowNull: false },
  });
}

export async function down({ context: qi }: { context: QueryInterface }): Promise<void> {
  await qi.dropTable('calendar_holidays');
}
